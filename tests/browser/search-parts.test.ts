/**
 * A search index made in parts (`src/lib/search-parts.ts`): what `npm run build` does for a very large
 * site, here forced on the seed by lowering the thresholds (large above 50 papers, 40 pages a part), under
 * a sub-path. Each part is a Pagefind index of its own, every page names the list of the other parts,
 * and the search merges them: it finds papers of every part, linked under the base, with the same
 * number of results as the one-index site the tests build. A rebuild in fewer parts leaves no old part
 * behind and renders no paper page again (pages name the list, not the parts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusedPages } from '../../scripts/harness/astro-log.ts';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { acquireAstroLock, copyContent, entriesIn, paperPageSlugs } from '../helpers/content.ts';
import { NODE, ROOT, TEST_DIST } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const content = copyContent();
const work = mkdtempSync(join(tmpdir(), 'abstracta-parts-'));
const dist = join(work, 'site', 'sub');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

/** `npm run build` of the seed copy into `dist` under `/sub/`, in parts of `pages` pages; returns its output. */
function build(pages: number): string {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const release = acquireAstroLock();
  try {
    const result = spawnSync(NODE, ['scripts/build.ts', '--outDir', dist], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...inherited,
        ABSTRACTA_CONTENT: content,
        BASE_PATH: '/sub/',
        SITE_URL: 'https://example.org',
        ABSTRACTA_LARGE_SITE_PAPERS: '50',
        ABSTRACTA_SEARCH_PART_PAGES: String(pages),
      },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    return result.stdout;
  } finally {
    release();
  }
}

/** The index folders at the top of the site, and how many pages each indexes. */
function parts(): Record<string, number> {
  return Object.fromEntries(
    readdirSync(dist)
      .filter((name) => name.startsWith('pagefind'))
      .sort()
      .map((name) => [
        name,
        (JSON.parse(readFileSync(join(dist, name, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
          .languages,
      ])
      .map(([name, languages]) => [
        name,
        Object.values(languages as Record<string, { page_count: number }>).reduce((sum, l) => sum + l.page_count, 0),
      ]),
  );
}

const papers = entriesIn(join(content, 'papers'));
const topics = readdirSync(join(TEST_DIST, 'topics'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

describe.skipIf(!CHROMIUM)('a search index in parts', () => {
  beforeAll(() => {
    expect(build(40)).toMatch(/search index of \d+ pages made in .* after Astro; written in place in 3 parts/);
  }, 300_000);
  const server = useServer(join(work, 'site'));
  // The site the tests build from the same seed with one index.
  const single = useServer(TEST_DIST);
  const chromium = useChromium();

  it('makes three indexes of nearly equal size that hold every searchable page once, listed for every page', () => {
    const counts = parts();
    expect(Object.keys(counts)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    const sizes = Object.values(counts);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(papers.length + topics);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'parts.json'), 'utf8'))).toEqual(['pagefind-2', 'pagefind-3']);
    for (const slug of paperPageSlugs(dist).slice(0, 5))
      expect(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8')).toContain('data-parts-list="/sub/pagefind/parts.json"');
  });

  it('finds papers of every part, linked under the base, as many as the one-index site finds', async () => {
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The first, middle and last paper by path: one in each part.
    const slugs = paperPageSlugs(dist).sort();
    for (const slug of [slugs[0], slugs[Math.floor(slugs.length / 2)], slugs.at(-1)!]) {
      const title = papers.find((paper) => paper.slug === slug)!.title;
      await page.goto(`${server.url}sub/search/?q=${encodeURIComponent(title)}`);
      const options = page.locator('.search-page [role="option"]');
      await options.first().waitFor();
      const hrefs = await options.evaluateAll((links) => links.map((link) => link.getAttribute('href')?.split('?')[0]));
      expect(hrefs, title).toContain(`/sub/papers/${slug}/`);
    }
    // Result counts agree with the site the tests build with one index from the same seed.
    const counted = async (url: string, query: string) => {
      await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
      const status = page.locator('.search-page [data-search-status]');
      await expect.poll(() => status.textContent()).toContain(`“${query}”`);
      return count(await status.textContent());
    };
    for (const query of ['reward', 'video generation', 'agents']) {
      const inParts = await counted(`${server.url}sub/`, query);
      expect(inParts, query).toBeGreaterThan(1);
      expect(inParts, query).toBe(await counted(single.url, query));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves no old part behind when rebuilt in fewer parts, and renders no paper page again', async () => {
    const output = build(60);
    expect(output).toMatch(/written in place in 2 parts/);
    expect(Object.keys(parts())).toEqual(['pagefind', 'pagefind-2']);
    expect(existsSync(join(dist, 'pagefind-3'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'parts.json'), 'utf8'))).toEqual(['pagefind-2']);
    const slugs = paperPageSlugs(dist);
    const reused = reusedPages(output);
    expect(slugs.filter((slug) => reused.has(`/papers/${slug}/index.html`))).toEqual(slugs);
    // And the search still finds a paper of the last part, now in the second.
    const page = await chromium.browser.newPage();
    const last = slugs.sort().at(-1)!;
    await page.goto(`${server.url}sub/search/?q=${encodeURIComponent(papers.find((paper) => paper.slug === last)!.title)}`);
    const options = page.locator('.search-page [role="option"]');
    await options.first().waitFor();
    const hrefs = await options.evaluateAll((links) => links.map((link) => link.getAttribute('href')?.split('?')[0]));
    expect(hrefs).toContain(`/sub/papers/${last}/`);
    await page.close();
  }, 300_000);
});

/** The number of results a search status line reports. */
const count = (status: string | null) => Number(/^(\d+) results? for/.exec(status ?? '')?.[1] ?? NaN);
