/**
 * The search and page-weight case: a synthetic site built for real, then search measured on it in
 * headless Chromium (`search.ts`) and a paper page's weight and Lighthouse scores (`pages.ts`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { folderBytes } from './build.ts';
import { measurePages, type PageMeasurement } from './pages.ts';
import { discard } from './scratch.ts';
import { measureSearch, type SearchMeasurement } from './search.ts';
import { isSearchPartFolder } from '../../src/lib/search-parts.ts';
import { buildSyntheticSite } from './site.ts';

export interface SearchResult extends SearchMeasurement {
  papers: number;
  buildSeconds: number;
  /** Bytes of the search index's files, all its parts. */
  pagefindBytes: number;
  /** Its part folders. */
  parts: string[];
  pages: PageMeasurement;
}

/** Builds a site of `size` synthetic papers and measures it (run in a child process). */
export async function runSearch(size: number): Promise<SearchResult> {
  const site = buildSyntheticSite(size);
  try {
    const measured = await measureSearch(site.dist);
    const firstPaper = readdirSync(join(site.dist, 'papers')).find((name) => !['page', 'by-title', 'index.html'].includes(name))!;
    const pages = await measurePages(site.dist, `/papers/${firstPaper}/`);
    const parts = readdirSync(site.dist).filter(isSearchPartFolder).sort();
    const pagefindBytes = parts.map((part) => folderBytes(join(site.dist, part))).reduce((sum, bytes) => sum + bytes, 0);
    return { ...measured, papers: size, buildSeconds: site.buildSeconds, pagefindBytes, parts, pages };
  } finally {
    discard(site.dir);
  }
}

/** Kilobytes as the report shows them. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** The report's section on search, from the largest site measured. */
export function searchSection(search: SearchResult): string {
  const first = search.firstResults;
  const fixed = ['WebAssembly', 'page table (pf_meta)', 'pagefind.js'].reduce((sum, kind) => sum + (search.breakdown[kind] ?? 0), 0);
  return `## Search on a ${search.papers.toLocaleString('en')}-paper site

The site is built for real (\`npm run build\`: ${search.buildSeconds.toFixed(1)} s; the search index is ${kb(search.pagefindBytes)} on disk,
in ${search.parts.length === 1 ? 'one part' : `${search.parts.length} parts: ${search.parts.join(', ')}`}), served from localhost and used in
headless Chromium through playwright-core (\`scripts/bench/search.ts\`).

- **Bytes from opening search to the first results** for the one-word query "${first.query}", from the
  browser's Resource Timing: ${first.requests} requests, ${kb(first.bytes)} as served here, **${kb(first.gzipBytes)}** from a host that
  gzips text (Pagefind's index files are compressed already). Target: under 150 KB. The topic counts
  follow once the results are on screen: ${kb(search.untilIdle.gzipBytes)} in all until search is idle.
- **Median time from the last keystroke to rendered results**: **${search.medianMs} ms** over ${search.latencies.length} one-word
  queries typed at 40 ms a key (a keydown listener and a MutationObserver on the status line, both in
  the page). Target: under 100 ms. All: ${search.latencies.join(', ')} ms.

Where the bytes to the first results go (gzip): ${Object.entries(search.breakdown)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
    .join(', ')}. Pagefind's WebAssembly, its page table (a few bytes per page, and more per sort key) and
pagefind.js are fixed costs of Pagefind 1.6: here they alone are ${kb(fixed)}, against a target of 150 KB.
What Abstracta controls is kept small: no web worker (43 KB more), no filter data until the results are
shown, result data fetched only for the results displayed, and nothing at all before search is opened.
`;
}

/** The report's section on page weight and Lighthouse, a row per site measured. */
export function pagesSection(searches: readonly SearchResult[]): string {
  const scores = (run: SearchResult, page: string) =>
    ['performance', 'accessibility', 'best-practices', 'seo'].map((key) => run.pages.lighthouse[page]?.[key] ?? '–').join(' / ');
  return `## Pages: weight and Lighthouse

The same synthetic sites (\`scripts/bench/pages.ts\`). First load is everything a paper page fetches
before any search (HTML, stylesheet, the theme script, the search bootstrap, the favicon), from the
browser's Resource Timing, and gzipped as a host would send it. Lighthouse 12 runs Debian's Chromium
through chrome-launcher; scores are performance / accessibility / best practices / SEO.

| papers | first load (served) | first load (gzip) | requests | scripts | mean paper page HTML | Lighthouse, home | Lighthouse, paper |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${searches
  .map(
    (run) =>
      `| ${run.papers.toLocaleString('en')} | ${kb(run.pages.firstLoad.bytes)} | **${kb(run.pages.firstLoad.gzipBytes)}** | ${run.pages.firstLoad.requests} | ${run.pages.firstLoad.scripts} | ${kb(run.pages.meanPaperHtml)} | ${scores(run, 'home')} | ${scores(run, 'paper')} |`,
  )
  .join('\n')}

Targets: under 20 KB on first load with no JavaScript beyond a small search loader, and page size
independent of the number of papers (the sidebar lists at most 12 papers of a topic, the home page 12,
the paper index 50 a page).
`;
}
