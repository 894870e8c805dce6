/**
 * The ingest pipeline as pure steps, from parsed digests to the content files to write:
 * merge and clean (`merge.ts`) → enrich (topics, keywords, related, map) → serialize. No disk access here, so tests can
 * run every step on strings.
 */
import type { Paper, Topic } from '../../src/schemas.ts';
import { assignTopics, type Assignment } from '../analysis/assign-topics.ts';
import type { ParsedDigest } from './formats/digest.ts';
import { hasOwnedParts, NO_OWNED_PARTS, serializeEntry, type OwnedParts } from '../entries/entry.ts';
import { keywordsOf } from '../analysis/keywords.ts';
import { extractLinks } from '../entries/links.ts';
import type { RenderedAbstract } from '../entries/mdx.ts';
import { SEARCH_ENTRIES } from '../search/search-entry.ts';
import { abstractWork, FEATURES, featuresOf, MDX, taxonomyKeyOf, TOPIC_SCORES, workKeys, type AbstractWork } from './threads/paper-work.ts';
import { needsAllRelated, updateRelated } from '../analysis/related.ts';
import { startRelated } from './threads/related-job.ts';
import { assignSlugs, shortHash } from '../entries/slug.ts';
import { buildCorpus, type Corpus } from '../analysis/vectors.ts';
import { mapFile, mapPositions } from '../analysis/map.ts';
import { mergeMeta, mergePapers, type CleanPaper } from './merge.ts';
import { MAP_FILE, REDIRECTS_FILE, STATE_FILE } from './papers-folder.ts';
import { redirectsFile, updateRedirects, type GoneEntry, type Redirects } from './redirects.ts';
import { Memo, memoKey } from '../shared/memo.ts';
import type { StepTimer } from '../shared/progress.ts';

/** What the last ingest wrote for a paper, as far as keeping it stable needs. */
export interface PreviousEntry {
  title: string;
  /** The generated body (the abstract as MDX, above the notes marker). */
  body: string;
  topics: string[];
  keywords: string[];
  /** Slugs of its related papers, best first. */
  related: string[];
}

/** A paper ready to write, with how its primary topic was found (for the topics report). */
export interface EnrichedPaper {
  paper: Paper;
  /** The abstract as an MDX body, and as HTML and text (what the page and the search index show). */
  body: string;
  rendered: RenderedAbstract;
  how: Assignment['how'];
  /** Position on the corpus map, in the unit square. */
  position: [number, number];
}

const untimed: StepTimer = (_step, run) => run();

export interface EnrichOptions {
  /** Topics a user fixed by hand (`topicsPinned: true`), by slug: kept as they are. */
  pinned?: ReadonlyMap<string, string[]>;
  /** Times each step (ingest's progress, the benchmark). */
  time?: StepTimer;
  /** What the last ingest wrote, by slug (only when made with this taxonomy). */
  previous?: ReadonlyMap<string, PreviousEntry>;
  /** Per-paper work remembered between runs; it never changes a result, only how fast it comes. */
  memo?: Memo;
}

/**
 * Frontmatter and body of every paper, in digest order. Only what changed is computed: a paper whose
 * title and abstract are as the last ingest wrote them keeps its topics and keywords (when the
 * taxonomy is unchanged too), so a paper never jumps topic because others arrived; its related list
 * stands unless a new or changed paper enters it (see `updateRelated`); and per-paper work (the MDX
 * body, the text features, the topic term scores) comes from the memo when the text is unchanged.
 */
export function enrichPapers(
  papers: readonly CleanPaper[],
  topics: readonly Topic[],
  { pinned = new Map(), time = untimed, previous = new Map(), memo = Memo.none() }: EnrichOptions = {},
): EnrichedPaper[] {
  const slugs = assignSlugs(papers);
  const taxonomyKey = taxonomyKeyOf(topics);
  const keys = papers.map((p) => workKeys(p, taxonomyKey));
  // Bodies are read when first needed: on a first ingest, only once the entries are assembled, so
  // that bodies checked on other threads (see `startPaperWork`) are waited for as late as possible.
  let renderedAll: AbstractWork[] | undefined;
  const rendered = () =>
    (renderedAll ??= time('mdx', () => papers.map((p, i) => memo.get(MDX, keys[i][MDX], () => abstractWork(p.abstract)))));
  const kept = papers.map((p, i) => {
    const before = previous.get(slugs[i]);
    return before && before.title === p.title && before.body === rendered()[i].mdx ? before : undefined;
  });
  // The corpus is built the first time a step needs it: when nothing changed, none does.
  let built: Corpus | undefined;
  const corpus = () =>
    (built ??= time('vectors', () =>
      buildCorpus(papers, (doc, i) => memo.get(FEATURES, keys[i][FEATURES], () => featuresOf(doc)), {
        // The memo holds every paper's features anyway; without one, forms are summed as they come.
        deferSurfaces: memo.remembers,
      }),
    ));

  const assigned = time('topics', () =>
    assignTopics(papers, corpus, topics, {
      pinned: slugs.map((slug) => pinned.get(slug)),
      scoresOf: (_doc, i, compute) => memo.get(TOPIC_SCORES, keys[i][TOPIC_SCORES], compute),
      wanted: (i) => !kept[i],
    }),
  );
  const assignments: Assignment[] = assigned.map((assignment, i) => assignment ?? { topics: kept[i]!.topics, how: 'kept' });
  // Related lists are started first: when every list is to be made afresh, another thread makes
  // them (see threads/related-job.ts) while this one works out the keywords and the map.
  const relatedLater = time('related', (): (() => number[][]) => {
    const indexOfSlug = new Map(slugs.map((slug, i) => [slug, i]));
    const changed = papers.map((_, i) => !kept[i] || kept[i]!.topics.join() !== assignments[i].topics.join());
    const standing = papers.map((_, i) => {
      const list = kept[i]?.related.map((slug) => indexOfSlug.get(slug));
      return list && !changed[i] && list.every((j) => j !== undefined && !changed[j]) ? (list as number[]) : undefined;
    });
    if (standing.every(Boolean)) return () => standing as number[][];
    const inputs = papers.map((p, i) => ({ vector: corpus().vectors[i], topics: assignments[i].topics, identity: p.identity }));
    // As with the per-paper work, threads only where there is a memo: not for a site so large that
    // ingest keeps none (see site/limits.ts), whose memory another heap would add to.
    if (needsAllRelated(standing)) return startRelated(inputs, { cores: memo.remembers ? undefined : 1 }).lists;
    const lists = updateRelated(inputs, standing, changed);
    return () => lists;
  });
  // Keywords a source curated (Hugging Face's ai_keywords) come first; then kept, then computed ones.
  const keywords = time('keywords', () => {
    const given = papers.map((p, i) => p.meta.keywords ?? kept[i]?.keywords);
    const missing = given.flatMap((list, i) => (list ? [] : [i]));
    const computed = missing.length ? keywordsOf(corpus(), missing) : [];
    missing.forEach((i, k) => (given[i] = computed[k]));
    return given as string[][];
  });
  const topicIndex = new Map(topics.map((topic, index) => [topic.id, index]));
  const groups = assignments.map((a) => topicIndex.get(a.topics[0]) ?? -1);
  const positions = time('map', () =>
    memo.get('map', memoKey(JSON.stringify(keys.map((k) => k[FEATURES])), JSON.stringify(groups)), () =>
      mapPositions(corpus().vectors, groups),
    ),
  );
  const related = time('related', relatedLater);
  const bodies = rendered();
  return papers.map((p, i) => ({
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
      summary: bodies[i].summary,
      words: bodies[i].words,
    },
    body: bodies[i].mdx,
    rendered: bodies[i],
    how: assignments[i].how,
    position: positions[i],
  }));
}

/** Everything the last ingest left that this one keeps or builds on. */
export interface Previous {
  pinned?: ReadonlyMap<string, string[]>;
  owned?: ReadonlyMap<string, OwnedParts>;
  /** Earlier entries by slug; their keywords, topics and related lists are kept for unchanged papers. */
  entries?: ReadonlyMap<string, PreviousEntry>;
  /** Every earlier entry's title and body, by slug, whatever the taxonomy: where a slug that is gone went. */
  written?: ReadonlyMap<string, GoneEntry>;
  /** Redirects recorded by earlier runs. */
  redirects?: Readonly<Redirects>;
}

/** The content files to write for enriched papers: `<slug>.mdx` → file text, the map, the redirects and the state. */
export function entryFiles(
  papers: readonly EnrichedPaper[],
  owned: ReadonlyMap<string, OwnedParts> = new Map(),
  taxonomy = '',
  memo: Memo = Memo.none(),
  redirects: Readonly<Redirects> = {},
): Map<string, string> {
  const files = new Map(
    papers.map(({ paper, body, rendered }) => {
      const parts = owned.get(paper.slug) ?? NO_OWNED_PARTS;
      const text = memo.get('entry', memoKey(JSON.stringify(paper), body, JSON.stringify(parts)), () => serializeEntry(paper, body, parts));
      // What reading this entry back will give, for ingest's next run (see `readEntry`) and for the
      // search index (see `searchEntry`), so neither parses it again. Notes are read by the index itself.
      const key = memoKey(text);
      const { slug, title, authors, digests, topics, keywords, related } = paper;
      memo.set('entries', key, { owned: parts, previous: { title, topics, keywords, related, body } });
      if (!parts.notes.trim())
        memo.set(SEARCH_ENTRIES, key, {
          paper: { slug, title, authors, digests, topics, keywords },
          html: rendered.html,
          text: rendered.text,
        });
      return [`${paper.slug}.mdx`, text];
    }),
  );
  files.set(
    MAP_FILE,
    mapFile(
      papers.map(({ paper }) => paper.slug),
      papers.map(({ position }) => position),
    ),
  );
  const redirectsText = redirectsFile(redirects);
  if (redirectsText) files.set(REDIRECTS_FILE, redirectsText);
  files.set(STATE_FILE, `${JSON.stringify({ taxonomy }, null, 1)}\n`);
  return files;
}

/** A fingerprint of the taxonomy: when it changes, every paper's topics and keywords are recomputed. */
export function taxonomyHash(topicsText: string): string {
  return shortHash(topicsText, 16);
}

/** How a papers folder is built: from what the last ingest left, timing each step, with a memo. */
export interface FolderOptions {
  previous?: Previous;
  /** Fingerprint of `topics.yaml`, remembered in the folder for the next run. */
  taxonomy?: string;
  time?: StepTimer;
  memo?: Memo;
}

/** The whole papers folder to write: `<slug>.mdx` → file text, plus the map and the state. */
export function buildEntries(digests: readonly ParsedDigest[], topics: readonly Topic[], options: FolderOptions = {}): Map<string, string> {
  const papers = (options.time ?? untimed)('merge', () => mergePapers(digests));
  return papersFolder(papers, topics, options);
}

/** {@link buildEntries} from papers already merged. */
export function papersFolder(
  papers: readonly CleanPaper[],
  topics: readonly Topic[],
  { previous = {}, taxonomy = '', time = untimed, memo = Memo.none() }: FolderOptions = {},
): Map<string, string> {
  // Where slugs that are gone now lead, and what their users owned (notes, extra fields, pinned
  // topics), carried to the paper they lead to when that one has none of its own.
  const slugs = assignSlugs(papers);
  const current = new Set(slugs);
  const gone = new Map([...(previous.written ?? [])].filter(([slug]) => !current.has(slug)));
  const redirects = updateRedirects(
    previous.redirects ?? {},
    gone,
    papers.map((paper, i) => ({ slug: slugs[i], title: paper.title, abstract: paper.abstract })),
  );
  const owned = new Map(previous.owned ?? []);
  const pinned = new Map(previous.pinned ?? []);
  for (const [from, to] of Object.entries(redirects)) {
    const parts = owned.get(from);
    const target = owned.get(to);
    if (hasOwnedParts(parts) && !hasOwnedParts(target)) owned.set(to, parts!);
    if (pinned.has(from) && !pinned.has(to)) pinned.set(to, pinned.get(from)!);
  }
  const enriched = enrichPapers(papers, topics, { pinned, time, previous: previous.entries, memo });
  return time('serialize', () => entryFiles(enriched, owned, taxonomy, memo, redirects));
}
