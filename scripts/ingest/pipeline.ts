/**
 * The ingest pipeline as pure steps, from parsed digests to the content files to write:
 * merge and clean (`merge.ts`) → enrich (topics, keywords, related, map) → serialize. No disk access here, so tests can
 * run every step on strings.
 */
import type { Paper, Topic } from '../../src/schemas.ts';
import { assignTopics, type Assignment } from '../analysis/assign-topics.ts';
import type { ParsedDigest } from './formats/digest.ts';
import { serializeEntry, type OwnedParts } from '../entries/entry.ts';
import { keywordsFor } from '../analysis/keywords.ts';
import { extractLinks } from '../entries/links.ts';
import { abstractToMdx } from '../entries/mdx.ts';
import { relatedPapers } from '../analysis/related.ts';
import { assignSlugs, shortHash } from '../entries/slug.ts';
import { countWords, firstSentence } from '../entries/text.ts';
import { buildCorpus } from '../analysis/vectors.ts';
import { mapFile, mapPositions } from '../analysis/map.ts';
import { mergeMeta, mergePapers, type CleanPaper } from './merge.ts';
import { MAP_FILE, STATE_FILE } from './papers-folder.ts';
import type { StepTimer } from '../shared/progress.ts';

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
