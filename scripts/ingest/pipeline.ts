/**
 * The ingest pipeline as pure steps, from parsed digests to the content files to write:
 * merge → clean → enrich (topics, keywords, related) → serialize. No disk access here, so tests can
 * run every step on strings.
 */
import { digestKey } from '../../src/lib/papers.ts';
import type { Paper, Topic } from '../../src/schemas.ts';
import { assignTopics, type Assignment } from '../analysis/assign-topics.ts';
import { cleanText } from '../entries/cleanup.ts';
import type { ParsedDigest, RawPaper } from './formats/digest.ts';
import { serializeEntry, type OwnedParts } from '../entries/entry.ts';
import { keywordsFor } from '../analysis/keywords.ts';
import { extractLinks } from '../entries/links.ts';
import { abstractToMdx } from '../entries/mdx.ts';
import { relatedPapers } from '../analysis/related.ts';
import { assignSlugs, shortHash } from '../entries/slug.ts';
import { countWords, firstSentence, normalizeSpace } from '../entries/text.ts';
import { buildCorpus } from '../analysis/vectors.ts';
import { mapFile, mapPositions } from '../analysis/map.ts';
import { MAP_FILE, STATE_FILE } from './papers-folder.ts';

/** A paper after cleanup and merging, before enrichment. */
export interface CleanPaper {
  title: string;
  abstract: string;
  /** Stable identity: the same paper in two digests has the same one. */
  identity: string;
  digests: Paper['digests'];
  /** What richer sources know: authors, arXiv id, categories, date, links to the paper and its code. */
  meta: Pick<RawPaper, 'authors' | 'arxiv' | 'categories' | 'published' | 'year' | 'keywords' | 'upvotes' | 'links'>;
}

/**
 * A paper's identity: its arXiv id when a source gives one, else its normalized title with its
 * abstract, so that different abstracts under one title stay different papers.
 */
export function identityOf(title: string, abstract: string, arxiv?: string): string {
  return arxiv ? `arxiv:${arxiv}` : `${normalizeTitle(title)}#${shortHash(abstract.toLowerCase(), 12)}`;
}

/** `into`'s metadata completed from `from`: the first source to know a field wins; links add up. */
function mergeMeta(into: CleanPaper['meta'], from: CleanPaper['meta']): CleanPaper['meta'] {
  const links = [...(into.links ?? [])];
  for (const link of from.links ?? []) if (!links.some((l) => l.url === link.url)) links.push(link);
  return {
    authors: into.authors?.length ? into.authors : from.authors,
    arxiv: into.arxiv ?? from.arxiv,
    categories: into.categories?.length ? into.categories : from.categories,
    published: into.published ?? from.published,
    year: into.year ?? from.year,
    keywords: into.keywords?.length ? into.keywords : from.keywords,
    // The highest count seen: upvotes only grow.
    upvotes: into.upvotes === undefined && from.upvotes === undefined ? undefined : Math.max(into.upvotes ?? 0, from.upvotes ?? 0),
    links,
  };
}

/** Title identity: Unicode-normalized, case-folded, punctuation and spacing ignored. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** Digests oldest first (by date when known, then file name), so ranks and first appearances are stable. */
export function sortDigests(digests: readonly ParsedDigest[]): ParsedDigest[] {
  return [...digests].sort((a, b) => digestKey(a).localeCompare(digestKey(b)));
}

/**
 * Cleans every paper and merges repeats: a paper is the same paper when its normalized title and its
 * cleaned abstract agree, so two different abstracts under one title stay two papers.
 */
export function mergePapers(digests: readonly ParsedDigest[]): CleanPaper[] {
  const byIdentity = new Map<string, CleanPaper>();
  for (const digest of sortDigests(digests)) {
    digest.papers.forEach((raw, index) => {
      const title = normalizeSpace(cleanText(raw.title));
      const abstract = normalizeSpace(cleanText(raw.abstract));
      const identity = identityOf(title, abstract, raw.arxiv);
      const ref = { source: digest.source, ...(digest.date ? { date: digest.date } : {}), rank: index + 1 };
      const meta = {
        authors: raw.authors,
        arxiv: raw.arxiv,
        categories: raw.categories,
        published: raw.published,
        year: raw.year,
        keywords: raw.keywords,
        upvotes: raw.upvotes,
        links: raw.links,
      };
      const known = byIdentity.get(identity);
      if (known) {
        if (!known.digests.some((d) => d.source === ref.source)) known.digests.push(ref);
        known.meta = mergeMeta(known.meta, meta);
      } else {
        byIdentity.set(identity, { title, abstract, identity, digests: [ref], meta: mergeMeta({}, meta) });
      }
    });
  }
  return [...byIdentity.values()];
}

/** What the last ingest wrote for a paper, as far as keeping it stable needs. */
export interface PreviousEntry {
  title: string;
  /** The generated body (the abstract as MDX, above the notes marker). */
  body: string;
  topics: string[];
  keywords: string[];
}

/** A paper ready to write, with how its primary topic was found (for the topics report). */
export interface EnrichedPaper {
  paper: Paper;
  body: string;
  how: Assignment['how'];
  /** Position on the corpus map, in the unit square. */
  position: [number, number];
}

/** Runs one named step; benchmarks pass a timer here to see where the time goes. */
export type StepTimer = <T>(step: string, run: () => T) => T;
const untimed: StepTimer = (_step, run) => run();

/**
 * Frontmatter and body of every paper, in digest order. `pinned` maps a slug to the topics a user
 * fixed by hand (`topicsPinned: true`), which are kept as they are.
 */
export function enrichPapers(
  papers: readonly CleanPaper[],
  topics: readonly Topic[],
  pinned: ReadonlyMap<string, string[]> = new Map(),
  time: StepTimer = untimed,
  previous: ReadonlyMap<string, PreviousEntry> = new Map(),
): EnrichedPaper[] {
  const corpus = time('vectors', () => buildCorpus(papers));
  const slugs = assignSlugs(papers);
  const bodies = time('mdx', () => papers.map((p) => abstractToMdx(p.abstract)));
  // A paper whose title and abstract are as before keeps its keywords and topics (when the taxonomy
  // is unchanged too, see `ingest.ts`): adding a digest then rewrites only the entries it touches and
  // those whose related papers change, and a paper never jumps topic because others arrived.
  const kept = papers.map((p, i) => {
    const before = previous.get(slugs[i]);
    return before && before.title === p.title && before.body === bodies[i] ? before : undefined;
  });
  const assignments = time('topics', () =>
    assignTopics(
      papers,
      corpus,
      topics,
      slugs.map((slug) => pinned.get(slug)),
    ),
  );
  for (const [i, before] of kept.entries()) {
    if (before && !pinned.has(slugs[i])) assignments[i] = { topics: before.topics, how: 'kept' };
  }
  // Keywords a source curated (Hugging Face's ai_keywords) come first; then kept, then computed ones.
  const keywords = time('keywords', () => papers.map((p, i) => p.meta.keywords ?? kept[i]?.keywords ?? keywordsFor(corpus, i)));
  const related = time('related', () =>
    relatedPapers(papers.map((p, i) => ({ vector: corpus.vectors[i], topics: assignments[i].topics, identity: p.identity }))),
  );
  const topicIndex = new Map(topics.map((topic, index) => [topic.id, index]));
  const positions = time('map', () =>
    mapPositions(
      corpus.vectors,
      assignments.map((a) => topicIndex.get(a.topics[0]) ?? -1),
    ),
  );
  return time('mdx', () =>
    papers.map((p, i) => ({
      paper: {
        title: p.title,
        slug: slugs[i],
        digests: p.digests,
        topics: assignments[i].topics,
        ...(pinned.has(slugs[i]) ? { topicsPinned: true } : {}),
        keywords: keywords[i],
        related: related[i].map((j) => slugs[j]),
        ...(p.meta.authors?.length ? { authors: p.meta.authors } : {}),
        ...(p.meta.arxiv ? { arxiv: p.meta.arxiv } : {}),
        ...(p.meta.categories?.length ? { categories: p.meta.categories } : {}),
        ...(p.meta.published ? { published: p.meta.published } : {}),
        ...(p.meta.year ? { year: p.meta.year } : {}),
        ...(p.meta.upvotes !== undefined ? { upvotes: p.meta.upvotes } : {}),
        links: mergeMeta(p.meta, { links: extractLinks(p.abstract) }).links!,
        summary: firstSentence(p.abstract),
        words: countWords(p.abstract),
      },
      body: bodies[i],
      how: assignments[i].how,
      position: positions[i],
    })),
  );
}

/** Everything the last ingest left that this one keeps or builds on. */
export interface Previous {
  pinned?: ReadonlyMap<string, string[]>;
  owned?: ReadonlyMap<string, OwnedParts>;
  /** Earlier entries by slug; their keywords and topics are kept for unchanged papers. */
  entries?: ReadonlyMap<string, PreviousEntry>;
}

/** The content files to write for enriched papers: `<slug>.mdx` → file text, the map, and the state. */
export function entryFiles(
  papers: readonly EnrichedPaper[],
  owned: ReadonlyMap<string, OwnedParts> = new Map(),
  taxonomy = '',
): Map<string, string> {
  const files = new Map(papers.map(({ paper, body }) => [`${paper.slug}.mdx`, serializeEntry(paper, body, owned.get(paper.slug))]));
  files.set(
    MAP_FILE,
    mapFile(
      papers.map(({ paper }) => paper.slug),
      papers.map(({ position }) => position),
    ),
  );
  files.set(STATE_FILE, `${JSON.stringify({ taxonomy }, null, 1)}\n`);
  return files;
}

/** A fingerprint of the taxonomy: when it changes, every paper's topics and keywords are recomputed. */
export function taxonomyHash(topicsText: string): string {
  return shortHash(topicsText, 16);
}

/** The whole papers folder to write: `<slug>.mdx` → file text, plus the map and the state. */
export function buildEntries(
  digests: readonly ParsedDigest[],
  topics: readonly Topic[],
  previous: Previous = {},
  taxonomy = '',
  time: StepTimer = untimed,
): Map<string, string> {
  const papers = time('merge', () => mergePapers(digests));
  const enriched = enrichPapers(papers, topics, previous.pinned, time, previous.entries);
  return time('serialize', () => entryFiles(enriched, previous.owned, taxonomy));
}
