/**
 * Page weight and Lighthouse scores of a built site: what a paper page costs on first load before any
 * search, how big paper pages are, and Lighthouse's four category scores (the `lighthouse` package,
 * driving Debian's Chromium through chrome-launcher, on localhost).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium.ts';
import { serve } from '../harness/static-server.ts';

export interface PageMeasurement {
  /** Bytes of everything a paper page fetches on first load, before any search: as served here, and gzipped as a host would send it. */
  firstLoad: { requests: number; bytes: number; gzipBytes: number; scripts: number };
  /** Mean size of a paper page's HTML. */
  meanPaperHtml: number;
  /** Lighthouse scores (0–100) by page. */
  lighthouse: Record<string, Record<string, number>>;
}

/** Measures the site in `dist`; `paper` is the path of one paper page. */
export async function measurePages(dist: string, paper: string): Promise<PageMeasurement> {
  const server = await serve(dist);
  const origin = new URL(server.url).origin;
  const chromePath = findChromium()!;
  try {
    const papersDir = join(dist, 'papers');
    const sizes = readdirSync(papersDir)
      .filter((name) => !['page', 'by-title', 'index.html'].includes(name) && statSync(join(papersDir, name)).isDirectory())
      .map((name) => readFileSync(join(papersDir, name, 'index.html')).length);
    const meanPaperHtml = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);

    const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    await page.goto(`${origin}${paper}`);
    await page.waitForLoadState('networkidle');
    const entries = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return [{ name: nav.name, size: nav.encodedBodySize }, ...resources.map((r) => ({ name: r.name, size: r.encodedBodySize }))];
    });
    await browser.close();
    // Gzip each file as a host would (every first-load file is text: HTML, CSS, JS, SVG).
    const gzipOf = (name: string) => {
      const path = decodeURIComponent(new URL(name).pathname);
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      return gzipSync(readFileSync(file)).length;
    };
    const firstLoad = {
      requests: entries.length,
      bytes: entries.reduce((sum, e) => sum + e.size, 0),
      gzipBytes: entries.reduce((sum, e) => sum + gzipOf(e.name), 0),
      scripts: entries.filter((e) => e.name.endsWith('.js')).length,
    };

    const scores: PageMeasurement['lighthouse'] = {};
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_FLAGS });
    try {
      for (const [name, path] of [
        ['home', '/'],
        ['paper', paper],
      ]) {
        const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
        const categories = result?.lhr.categories ?? {};
        scores[name] = Object.fromEntries(
          Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]),
        );
      }
    } finally {
      await chrome.kill();
    }
    return { firstLoad, meanPaperHtml, lighthouse: scores };
  } finally {
    await server.close();
  }
}
