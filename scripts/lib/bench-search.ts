/**
 * Measuring search in a real browser (headless Chromium through playwright-core), on a built site
 * served from localhost: what the browser fetches from opening search to the first results, and how
 * long results take to appear after the last keystroke.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

export interface SearchMeasurement {
  /** Requests and bytes from pressing Ctrl+K to the first results of a one-word query. */
  firstResults: { requests: number; bytes: number; gzipBytes: number; query: string };
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
  const files = sirv(dist, { dev: true, etag: false });
  const server = createServer((req, res) => files(req, res, () => ((res.statusCode = 404), res.end())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForLoadState('networkidle');
    // Bytes: everything fetched from opening search to the first rendered results.
    const responses: { url: string; body: Buffer; type: string }[] = [];
    page.on('response', async (response) => {
      try {
        responses.push({ url: response.url(), body: await response.body(), type: response.headers()['content-type'] ?? '' });
      } catch {
        // a response without a body (a redirect): nothing to count
      }
    });
    const first = QUERIES[0];
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input[type="search"]').fill(first);
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const bytes = responses.reduce((sum, r) => sum + r.body.length, 0);
    // What a host that gzips text would send; Pagefind's own index files are compressed already.
    const gzipBytes = responses.reduce(
      (sum, r) => sum + (/javascript|css|json|html/.test(r.type) ? gzipSync(r.body).length : r.body.length),
      0,
    );
    const firstResults = { requests: responses.length, bytes, gzipBytes, query: first };

    // Latency: type each word, time from the last keydown to the results for it being rendered.
    await page.evaluate(() => {
      const w = window as unknown as { lastKey: number };
      document.addEventListener('keydown', () => (w.lastKey = performance.now()), true);
    });
    const latencies: number[] = [];
    const input = page.locator('.search-dialog input[type="search"]');
    for (const query of QUERIES.slice(1)) {
      await input.fill('');
      await page.waitForFunction(() => document.querySelector('.search-dialog [data-search-status]')?.textContent?.startsWith('Type'));
      await input.pressSequentially(query, { delay: 40 });
      const rendered = await page.waitForFunction(
        (q) => {
          const status = document.querySelector('.search-dialog [data-search-status]')?.textContent ?? '';
          return status.includes(`“${q}”`) ? performance.now() : false;
        },
        query,
        { polling: 'mutation' },
      );
      const end = (await rendered.jsonValue()) as number;
      const start = await page.evaluate(() => (window as unknown as { lastKey: number }).lastKey);
      latencies.push(Math.round((end - start) * 10) / 10);
    }
    return { firstResults, latencies, medianMs: median(latencies) };
  } finally {
    await browser.close();
    server.close();
  }
}
