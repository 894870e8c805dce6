/**
 * Measuring search in a real browser (headless Chromium through playwright-core), on a built site
 * served from localhost: what the browser fetches from opening search to the first results, and how
 * long results take to appear after the last keystroke.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium.ts';
import { serve } from '../harness/static-server.ts';

export interface SearchMeasurement {
  /** Requests and bytes from pressing Ctrl+K to the first results of a one-word query. */
  firstResults: { requests: number; bytes: number; gzipBytes: number; query: string };
  /** Gzip bytes of the first results by kind of file. */
  breakdown: Record<string, number>;
  /** The same, until search is idle: the topic counts are fetched just after the first results. */
  untilIdle: { requests: number; bytes: number; gzipBytes: number };
  /** Milliseconds from the last keystroke to rendered results, per query, and their median. */
  latencies: number[];
  medianMs: number;
}

const QUERIES = [
  'diffusion',
  'retrieval',
  'quantization',
  'robot',
  'speech',
  'graph',
  'jailbreak',
  'forecasting',
  'translation',
  'radiology',
  'splatting',
  'agents',
  'theorem',
  'captions',
  'leaderboard',
  'recommender',
  'video',
  'reward',
  'pruning',
  'probing',
  'anomaly',
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Measures search on the site in `dist`. */
export async function measureSearch(dist: string): Promise<SearchMeasurement> {
  const server = await serve(dist);
  const origin = new URL(server.url).origin;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForLoadState('networkidle');
    // Bytes: what the browser's Resource Timing says it fetched from opening search until the first
    // results were rendered, and until search was idle. Bodies are kept to estimate gzip for text.
    const bodies = new Map<string, { body: Buffer; type: string }>();
    page.on('response', async (response) => {
      try {
        bodies.set(response.url(), { body: await response.body(), type: response.headers()['content-type'] ?? '' });
      } catch {
        // a response without a body (a redirect): nothing to count
      }
    });
    const first = QUERIES[0];
    const opened = await page.evaluate(() => {
      const w = window as unknown as { firstRendered: number };
      new MutationObserver(() => {
        if (!w.firstRendered && document.querySelector('.search-dialog [role="option"]')) w.firstRendered = performance.now();
      }).observe(document.querySelector('.search-dialog [data-search-results]')!, { childList: true });
      return performance.now();
    });
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input[type="search"]').fill(first);
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    // 'networkidle' is a load state, reached once when the page loaded, so waiting for it returns at
    // once: wait instead until no resource has been fetched for half a second (the topic counts come
    // after the results).
    for (let count = -1; ;) {
      const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
      if (now === count) break;
      count = now;
      await page.waitForTimeout(500);
    }
    const { rendered, entries } = await page.evaluate(() => ({
      rendered: (window as unknown as { firstRendered: number }).firstRendered,
      entries: performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, size: e.encodedBodySize })),
    }));
    const gzipped = (name: string, size: number) => {
      const response = bodies.get(name);
      // What a host that gzips text would send; Pagefind's own index files are compressed already.
      return response && /javascript|css|json|html/.test(response.type) ? gzipSync(response.body).length : size;
    };
    const total = (list: typeof entries) => ({
      requests: list.length,
      bytes: list.reduce((sum, e) => sum + e.size, 0),
      gzipBytes: list.reduce((sum, e) => sum + gzipped(e.name, e.size), 0),
    });
    const searchEntries = entries.filter((e) => e.start >= opened);
    const firstEntries = searchEntries.filter((e) => e.end <= rendered);
    const firstResults = { ...total(firstEntries), query: first };
    // Where those bytes go, by kind of file (gzip sizes).
    const kindOf = (name: string) =>
      /wasm/.test(name)
        ? 'WebAssembly'
        : /pf_meta/.test(name)
          ? 'page table (pf_meta)'
          : /pf_index/.test(name)
            ? 'index chunks'
            : /pf_fragment/.test(name)
              ? 'result fragments'
              : /pf_filter/.test(name)
                ? 'filters'
                : /pagefind\.js/.test(name)
                  ? 'pagefind.js'
                  : 'site script and other';
    const breakdown: Record<string, number> = {};
    for (const e of firstEntries) breakdown[kindOf(e.name)] = (breakdown[kindOf(e.name)] ?? 0) + gzipped(e.name, e.size);
    const untilIdle = total(searchEntries);
    if (process.env.BENCH_VERBOSE)
      for (const e of searchEntries) console.error(e.size, e.end <= rendered ? 'first' : 'later', e.name.replace(origin, ''));

    // Latency: type each word; a MutationObserver set up before typing notes when the status line
    // first reports results for the whole word, and a keydown listener notes the last keystroke.
    await page.evaluate(() => {
      const w = window as unknown as { lastKey: number; rendered: number; pending: string };
      document.addEventListener('keydown', () => (w.lastKey = performance.now()), true);
      const status = document.querySelector('.search-dialog [data-search-status]')!;
      new MutationObserver(() => {
        // Results for the whole word itself, not a forgiving search's results while the word is half typed.
        const text = status.textContent ?? '';
        if (!w.rendered && w.pending && /^\d/.test(text) && text.includes(`for “${w.pending}”`)) w.rendered = performance.now();
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const latencies: number[] = [];
    const input = page.locator('.search-dialog input[type="search"]');
    for (const query of QUERIES.slice(1)) {
      await input.fill('');
      await page.waitForFunction(() => document.querySelector('.search-dialog [data-search-status]')?.textContent?.startsWith('Type'));
      await page.evaluate((q) => Object.assign(window, { rendered: 0, pending: q }), query);
      await input.pressSequentially(query, { delay: 40 });
      await page.waitForFunction(() => (window as unknown as { rendered: number }).rendered > 0);
      const { start, end } = await page.evaluate(() => {
        const w = window as unknown as { lastKey: number; rendered: number };
        return { start: w.lastKey, end: w.rendered };
      });
      latencies.push(Math.round((end - start) * 10) / 10);
    }
    return { firstResults, breakdown, untilIdle, latencies, medianMs: Math.round(median(latencies) * 10) / 10 };
  } finally {
    await browser.close();
    await server.close();
  }
}
