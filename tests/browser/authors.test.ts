/**
 * Authors you can follow: on a site of real Hugging Face papers built under a sub-path, each author's
 * name on a paper page links to the search filtered to that author; the search shows that filter,
 * finds exactly that author's papers, combines it with a query and a topic, removes it, and restores it
 * from the address.
 */
import { load } from 'cheerio';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { buildSite, entriesIn, hfContent } from '../helpers/content.ts';
import { htmlErrors } from '../helpers/html-validate.ts';
import { useServer } from '../helpers/serve.ts';

const BASE = '/papers-site/';
const work = mkdtempSync(join(tmpdir(), 'abstracta-authors-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
/** Three days of real papers: enough for authors with more than one paper. */
const DAYS = ['2024/2024-05-27.json', '2024/2024-05-28.json', '2024/2024-05-29.json'];

/** Each paper's slug, title and authors, from the entries ingest wrote. */
const papers = () => entriesIn(join(content, 'papers')).map((paper) => ({ ...paper, authors: paper.authors ?? [] }));

describe.skipIf(!CHROMIUM)('authors you can follow', () => {
  let author = '';
  let theirs: string[] = [];
  beforeAll(() => {
    expect(hfContent(content, DAYS).status).toBe(0);
    const built = buildSite(content, dist, { BASE_PATH: BASE });
    expect(built.status, built.output).toBe(0);
    // The author with the most papers here (ties: by name).
    const counts = new Map<string, number>();
    for (const paper of papers()) for (const name of paper.authors) counts.set(name, (counts.get(name) ?? 0) + 1);
    [author] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    theirs = papers()
      .filter((paper) => paper.authors.includes(author))
      .map((paper) => `${BASE}papers/${paper.slug}/`)
      .sort();
    expect(theirs.length).toBeGreaterThan(1);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const server = useServer(join(work, 'dist'), BASE);
  const chromium = useChromium();

  it('links every author name on a paper page to the search for that author', () => {
    for (const paper of papers().filter((p) => p.authors.length)) {
      const $ = load(readFileSync(join(dist, 'papers', paper.slug, 'index.html'), 'utf8'));
      const links = $('.authors a');
      expect(links.map((_, a) => $(a).text()).get()).toEqual(paper.authors);
      expect(links.map((_, a) => $(a).attr('href')).get()).toEqual(
        paper.authors.map((name) => `${BASE}search/?${new URLSearchParams({ author: name })}`),
      );
    }
  });

  it('writes valid HTML, and the links lead to a built page', async () => {
    expect(existsSync(join(dist, 'search', 'index.html'))).toBe(true);
    for (const url of theirs) expect(await htmlErrors(join(dist, url.slice(BASE.length), 'index.html')), url).toEqual([]);
  });

  it('shows the author filter, finds exactly their papers, combines it with a query, and removes it', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${server.url}${theirs[0].slice(BASE.length)}`);
    await page.locator('.authors a', { hasText: author }).first().click();
    await page.waitForURL(/\/search\/\?author=/);
    const status = page.locator('[data-search-page] [role="status"]');
    await expect.poll(() => status.textContent()).toBe(`${theirs.length} results by ${author}`);
    const filter = page.getByRole('button', { name: `Remove filter: Papers by ${author}` });
    expect(await filter.isVisible()).toBe(true);
    const found = async () =>
      (
        await page
          .locator('[data-search-page] [role="option"]')
          .evaluateAll((options) => options.map((o) => o.getAttribute('href')!.split('?')[0]))
      ).sort();
    expect(await found()).toEqual(theirs);
    // Topic filters count the author's papers, and one narrows to that topic within them.
    const filters = page.locator('[data-search-page] .search-filters label');
    await filters.first().waitFor();
    const counts = await filters.locator('.count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(theirs.length);
    expect(Math.max(...counts.map(Number))).toBeLessThanOrEqual(theirs.length);
    const [topic, count] = [await filters.first().locator('span').first().textContent(), Number(counts[0])];
    await filters.first().locator('input').check();
    await expect.poll(() => status.textContent()).toBe(`${count} ${count === 1 ? 'result' : 'results'} by ${author}`);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([topic]);
    await filters.first().locator('input').uncheck();
    await expect.poll(() => status.textContent()).toBe(`${theirs.length} results by ${author}`);

    // A query narrows within the author's papers, and the address keeps both.
    const { title } = papers().find((paper) => `${BASE}papers/${paper.slug}/` === theirs[0])!;
    const word = title.split(/\W+/).filter((w) => w.length > 5)[0];
    await page.locator('[data-search-page] input[type="search"]').fill(word);
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^\\d+ results? for “${word}” by ${author}$`));
    expect(await found()).toContain(theirs[0]);
    for (const url of await found()) expect(theirs).toContain(url);
    expect(new URL(page.url()).searchParams.getAll('author')).toEqual([author]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);

    // Reloading restores both.
    await page.reload();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`for “${word}” by ${author}$`));

    // Removing the filter by keyboard widens the search to every paper with the word.
    await filter.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`for “${word}”$`));
    expect(await filter.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('author')).toBe(false);
    await page.close();
  });
});
