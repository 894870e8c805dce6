/**
 * Merging the papers of every digest into distinct papers: each is cleaned, given an identity, and
 * merged with every other copy of itself, its digests listed oldest first and its metadata taken from
 * the sources that know it.
 */
import { digestKey } from '../../src/lib/papers.ts';
import type { Paper } from '../../src/schemas.ts';
import { cleanText } from '../entries/cleanup.ts';
import { shortHash } from '../entries/slug.ts';
import { normalizeSpace } from '../entries/text.ts';
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
