/**
 * The ceiling of one site: Astro keeps its content store (every entry's data) in memory and writes it
 * as one string, and V8 caps a string at 2^29 − 24 characters (512 MiB). Past that `astro build` dies
 * with "Invalid string length" after minutes of work. The store's size is known before Astro starts,
 * closely enough, from the entries ingest wrote: measured at 0.48 times their size on the real Hugging
 * Face corpus (2,846 papers) and 0.32 times on 3,000 synthetic papers, since the abstracts' HTML is kept
 * beside the store (see `src/lib/abstract-files.ts`; with it the store was 1.03 and 1.00 times, and
 * 1.42 and 1.5 times with the abstracts' text as well).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A site this large (in papers) is built the way that spends least memory rather than least time:
 * ingest keeps no memo (at 100,000 papers it would be gigabytes, in memory and on disk) and the
 * search index is made after Astro has finished, from the built pages, not beside it. Such a site is
 * better split into shards (docs/scaling.md).
 */
export const LARGE_SITE_PAPERS = Number(process.env.ABSTRACTA_LARGE_SITE_PAPERS) || 30_000;

/**
 * Pages per part of the search index of a large site. Pagefind holds the whole index it is making in
 * memory, about 0.1 MB a page (measured: 1.1 GB for 10,800 pages, 4.2 GB for 43,000), which at 100,000
 * papers was the build's peak; in parts of this size, made one after another, it stays near 2.6 GB.
 */
export const SEARCH_PART_PAGES = Number(process.env.ABSTRACTA_SEARCH_PART_PAGES) || 25_000;

/** How many parts the search index of a site of `papers` papers is made in (see `src/lib/search-parts.ts`). */
export function searchParts(papers: number): number {
  return papers > LARGE_SITE_PAPERS ? Math.max(1, Math.ceil(papers / SEARCH_PART_PAGES)) : 1;
}

/** V8's longest string, in characters (bytes, for the store's mostly ASCII JSON). */
export const STRING_LIMIT = 2 ** 29 - 24;
/** Store size per byte of entry files (the larger of the two measurements, and a little more). */
export const STORE_PER_ENTRY_BYTE = 0.5;
/** Refuse above this share of the limit; warn above the lower one. */
const REFUSE_SHARE = 0.9;
const WARN_SHARE = 0.6;

export interface StoreEstimate {
  papers: number;
  bytes: number;
  /** `refuse`: the build would fail; `warn`: it is getting close; `ok`. */
  verdict: 'ok' | 'warn' | 'refuse';
  message?: string;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Estimates the content store of the entries in `papersDir` and says whether one site can hold it. */
export function estimateStore(papersDir: string): StoreEstimate {
  const entries = readdirSync(papersDir).filter((name) => name.endsWith('.mdx'));
  const bytes = Math.round(entries.reduce((sum, name) => sum + statSync(join(papersDir, name)).size, 0) * STORE_PER_ENTRY_BYTE);
  const papers = entries.length;
  const ceiling = Math.round((papers * STRING_LIMIT) / Math.max(bytes, 1));
  const share = bytes / STRING_LIMIT;
  const verdict = share > REFUSE_SHARE ? 'refuse' : share > WARN_SHARE ? 'warn' : 'ok';
  const limit = `Astro writes its content store as one string and V8 caps strings at 512 MB, so one site of papers like these stops at about ${ceiling.toLocaleString('en')} papers`;
  const message =
    verdict === 'refuse'
      ? `the content store of these ${papers.toLocaleString('en')} papers would be about ${mb(bytes)}; ${limit}. Split the archive into shards (docs/scaling.md); nothing was built`
      : verdict === 'warn'
        ? `the content store of these ${papers.toLocaleString('en')} papers is about ${mb(bytes)}, ${Math.round(share * 100)}% of what one site can hold (${limit}); plan shards (docs/scaling.md)`
        : undefined;
  return { papers, bytes, verdict, ...(message ? { message } : {}) };
}
