/**
 * Merging the papers of every digest into distinct papers: each is cleaned, given an identity, and
 * merged with every other copy of itself, its digests listed oldest first and its metadata taken from
 * the sources that know it.
 */
import { digestKey } from '../../src/lib/papers.ts';
import type { Paper } from '../../src/schemas.ts';
import { cleanText } from '../entries/cleanup.ts';
import { shortHash } from '../entries/slug.ts';
import { normalizeSpace, normalizeTitle } from '../entries/text.ts';
import { arxivLinks } from './formats/arxiv.ts';
import type { ParsedDigest, RawPaper } from './formats/digest.ts';

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
export function mergeMeta(into: CleanPaper['meta'], from: CleanPaper['meta']): CleanPaper['meta'] {
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

/** Digests oldest first (by date when known, then file name), so ranks and first appearances are stable. */
export function sortDigests(digests: readonly ParsedDigest[]): ParsedDigest[] {
  return [...digests].sort((a, b) => digestKey(a).localeCompare(digestKey(b)));
}

/** The words of a text, lowercased: what two copies of one abstract share whatever their cleanup. */
function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Below this many words an abstract is too short to recognise a copy of it with confidence. */
const MIN_WORDS = 20;
/** Share of the shorter abstract's distinct words the longer must contain for the two to agree. */
const AGREEMENT = 0.85;

/**
 * Whether two abstracts are the same abstract up to the differences sources make: whitespace, LaTeX
 * left in or rendered, quotes, an abstract cut short. Nearly every distinct word of the shorter must
 * be in the longer; two different papers that share a title share far fewer.
 */
export function sameAbstract(a: string, b: string): boolean {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const distinct = new Set(short);
  if (distinct.size < MIN_WORDS) return false;
  const longer = new Set(long);
  let shared = 0;
  for (const word of distinct) if (longer.has(word)) shared++;
  return shared / distinct.size >= AGREEMENT;
}

/**
 * Cleans every paper and merges repeats. A paper is one paper across sources: copies with one arXiv id
 * are one paper (versions too: parsers drop the version), and a copy without an id joins the paper of
 * the same normalized title whose abstract agrees with its own (`sameAbstract`), preferring one with an
 * id. Two papers with one title and different abstracts stay two papers; two different arXiv ids never
 * merge. The merged paper lists every digest and takes each field from the richest source: the text of
 * a source with an arXiv id (or else the longest abstract), metadata from whichever source knows it.
 */
export function mergePapers(digests: readonly ParsedDigest[], resolved: ReadonlyMap<string, { arxiv: string }> = new Map()): CleanPaper[] {
  const papers: CleanPaper[] = [];
  const byIdentity = new Map<string, CleanPaper>();
  const byTitle = new Map<string, CleanPaper[]>();
  for (const digest of sortDigests(digests)) {
    digest.papers.forEach((given, index) => {
      let raw = given;
      const title = normalizeSpace(cleanText(raw.title));
      const abstract = normalizeSpace(cleanText(raw.abstract));
      // An id `fetch -- resolve` found for a paper whose source gave none counts as given.
      const found = raw.arxiv ? undefined : resolved.get(identityOf(title, abstract))?.arxiv;
      if (found) raw = { ...raw, arxiv: found, links: [...arxivLinks(found), ...(raw.links ?? [])] };
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
      const titleKey = normalizeTitle(title);
      const sameTitle = byTitle.get(titleKey) ?? [];
      const known =
        byIdentity.get(identityOf(title, abstract, raw.arxiv)) ??
        // A copy and a paper it can join: one of them has no arXiv id, and the abstracts agree.
        sameTitle.find((paper) => (!raw.arxiv || !paper.meta.arxiv) && sameAbstract(paper.abstract, abstract));
      if (!known) {
        const paper: CleanPaper = {
          title,
          abstract,
          identity: identityOf(title, abstract, raw.arxiv),
          digests: [ref],
          meta: mergeMeta({}, meta),
        };
        papers.push(paper);
        byIdentity.set(paper.identity, paper);
        byTitle.set(titleKey, [...sameTitle, paper]);
        return;
      }
      if (!known.digests.some((d) => d.source === ref.source)) known.digests.push(ref);
      // The text of a source with an arXiv id wins; between sources alike, the fuller abstract.
      const richer =
        raw.arxiv && !known.meta.arxiv ? true : !raw.arxiv && known.meta.arxiv ? false : abstract.length > known.abstract.length;
      known.meta = richer ? mergeMeta(meta, known.meta) : mergeMeta(known.meta, meta);
      if (richer) {
        known.title = title;
        known.abstract = abstract;
      }
      if (raw.arxiv && !known.identity.startsWith('arxiv:')) {
        known.identity = identityOf(title, abstract, raw.arxiv);
        byIdentity.set(known.identity, known);
      }
    });
  }
  // Digests oldest first however the copies came in.
  for (const paper of papers) paper.digests.sort((a, b) => digestKey(a).localeCompare(digestKey(b)));
  return papers;
}
