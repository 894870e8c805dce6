/**
 * Search that forgives, on two days of real Hugging Face papers (their curated keywords, camel-case names):
 * every keyword a source gives is searchable though the page shows 8, a part of a name finds the paper,
 * a misspelled name is corrected, and the results come before the filters on a phone.
 */
import { load } from 'cheerio';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameParts } from '../../src/lib/search-words.ts';
import { SHOWN_KEYWORDS } from '../../src/schemas.ts';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { buildSite, entriesIn, hfContent } from '../helpers/content.ts';
import { useServer } from '../helpers/serve.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-forgiving-'));
const content = join(work, 'content');
const dist = join(work, 'dist');

const entries = () => entriesIn(join(content, 'papers'));

/** The paper URLs the search page lists for `query`, once its status names it. */
async function results(page: Page, url: string, query: string): Promise<{ status: string; urls: string[] }> {
  await page.goto(`${url}search/?${new URLSearchParams({ q: query })}`);
  const status = page.locator('[data-search-page] [role="status"]');
  await expect.poll(() => status.textContent()).toMatch(/results?|No results/);
  const urls = await page
    .locator('[data-search-page] [role="option"]')
    .evaluateAll((options) => options.map((o) => o.getAttribute('href')!.split('?')[0]));
  return { status: (await status.textContent())!, urls };
}

describe.skipIf(!CHROMIUM)('search that forgives, on real papers', () => {
  beforeAll(() => {
    expect(hfContent(content, ['2026/2026-07-01.json', '2026/2026-07-02.json']).status).toBe(0);
    const built = buildSite(content, dist);
    expect(built.status, built.output).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const server = useServer(dist);
  const chromium = useChromium();

  it('finds a paper by a keyword its page does not show', async () => {
    const page = await chromium.browser.newPage();
    // Hidden keywords with a word that is nowhere in the page's visible text: only the hidden list can find them.
    const cases = entries().flatMap((paper) => {
      const $ = load(readFileSync(join(dist, 'papers', paper.slug, 'index.html'), 'utf8'));
      expect($('.keywords a').length).toBe(Math.min(paper.keywords.length, SHOWN_KEYWORDS));
      $('[hidden]').remove();
      const visible = $('article').text().toLowerCase();
      const keyword = paper.keywords.slice(SHOWN_KEYWORDS).find((k) =>
        k
          .toLowerCase()
          .split(/\W+/)
          .some((word) => word.length > 3 && !visible.includes(word)),
      );
      return keyword ? [{ paper, keyword }] : [];
    });
    expect(cases.length).toBeGreaterThanOrEqual(2);
    for (const { paper, keyword } of cases.slice(0, 5)) {
      const { urls } = await results(page, server.url, keyword);
      expect(urls.slice(0, 10), `${keyword} → ${paper.slug}`).toContain(`/papers/${paper.slug}/`);
    }
    await page.close();
  });

  it('finds a paper by a part of a camel-case name in its title, and by the name misspelled', async () => {
    const page = await chromium.browser.newPage();
    const named = entries()
      .map((paper) => ({ paper, part: nameParts(paper.title.split(':')[0]).find((part) => part.length >= 5) }))
      .filter((entry) => entry.part);
    expect(named.length).toBeGreaterThan(3);
    for (const { paper, part } of named.slice(0, 4)) {
      const { urls } = await results(page, server.url, part!.toLowerCase());
      expect(urls.slice(0, 10), `${part} → ${paper.slug}`).toContain(`/papers/${paper.slug}/`);
    }
    // The whole name with two letters swapped, with another word of the title: the paper still comes up
    // (corrected from the vocabulary when the misspelling keeps the query from matching at all).
    for (const { paper } of named.slice(0, 4)) {
      const name = paper.title.split(':')[0].toLowerCase();
      const typo = `${name.slice(0, 2)}${name[3]}${name[2]}${name.slice(4)}`;
      const other =
        paper.title
          .split(':')[1]
          ?.match(/\p{L}{6,}/u)?.[0]
          .toLowerCase() ?? '';
      const { status, urls } = await results(page, server.url, `${typo} ${other}`.trim());
      expect(urls.slice(0, 10), `${typo} ${other} → ${status}`).toContain(`/papers/${paper.slug}/`);
    }
    await page.close();
  });

  it('shows the result count and the first result without scrolling on a phone', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(server.url);
    await page.locator('[data-search-open]').click();
    await page.locator('.search-dialog input[type="search"]').fill('diffusion model');
    const first = page.locator('.search-dialog [role="option"]').first();
    await page.locator('.search-dialog .search-filters > summary').waitFor();
    for (const element of [page.locator('.search-dialog [data-search-status]'), first]) {
      const box = (await element.boundingBox())!;
      expect(box.y + Math.min(box.height, 60)).toBeLessThanOrEqual(640);
    }
    expect(await page.locator('.search-dialog .search-filters').getAttribute('open')).toBeNull();
    await page.close();
  });
});
