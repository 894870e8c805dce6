/**
 * Search in a real browser: headless Chromium on the seed builds (at the root and under a sub-path)
 * served over HTTP, used the way a reader uses it: keyboard first, then the mouse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { paperSchema, type Paper } from '../../src/schemas.ts';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { ROOT, SUB_PATH, TEST_DIST, TEST_DIST_SUB } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const papers: Paper[] = readdirSync(join(ROOT, 'content/papers'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) =>
    paperSchema.parse(
      parse(
        readFileSync(join(ROOT, 'content/papers', name), 'utf8')
          .split('\n---')[0]
          .slice(4),
      ),
    ),
  );
const bySlug = (slug: string) => papers.find((p) => p.slug === slug)!;

const RESULTS = '.search-dialog [role="option"]';

describe.skipIf(!CHROMIUM)('search in Chromium', () => {
  const root = useServer(TEST_DIST);
  const sub = useServer(TEST_DIST_SUB, SUB_PATH);
  const chromium = useChromium();
  const errors: string[] = [];

  /** A fresh page that records console errors and uncaught exceptions. */
  async function newPage(): Promise<Page> {
    const page = await chromium.browser.newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  /** Types a query into the open dialog and waits for its results. */
  async function searchFor(page: Page, query: string) {
    await page.locator('.search-dialog input[type="search"]').fill(query);
    await page.waitForFunction(
      (q) => document.querySelector('.search-dialog [data-search-status]')?.textContent?.includes(`“${q}”`),
      query,
    );
  }

  it('opens the dialog by button, Ctrl+K, Meta+K and /; Esc closes it and gives focus back', async () => {
    const page = await newPage();
    await page.goto(`${root.url}topics/`);
    const dialog = page.locator('.search-dialog');
    const button = page.locator('[data-search-open]');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(false);

    await button.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    expect(await dialog.getAttribute('aria-labelledby')).toBe('search-dialog-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);

    for (const shortcut of ['Control+k', 'Meta+k', '/']) {
      await page.locator('main h1').click(); // focus on the page, not in a field
      await page.keyboard.press(shortcut);
      await expect.poll(() => dialog.isVisible(), { message: shortcut }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    // Focus stays inside the open dialog: Tab cannot reach the page behind it.
    await page.keyboard.press('Control+k');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog') || document.activeElement === document.body)).toBe(true);
    }
    await page.close();
  });

  it('finds seed papers by phrases from their abstracts, in the top 3', async () => {
    const page = await newPage();
    await page.goto(root.url);
    await page.keyboard.press('Control+k');
    const sample = papers.filter((_, i) => i % 8 === 0);
    for (const paper of sample) {
      const abstract = readFileSync(join(ROOT, 'content/papers', `${paper.slug}.mdx`), 'utf8').split('\n---\n\n')[1];
      const words = abstract
        .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
        .split(/\s+/)
        .filter(Boolean);
      const middle = Math.floor(words.length / 2);
      const phrase = words.slice(middle, middle + 6).join(' ');
      await searchFor(page, phrase);
      const top = await page
        .locator(RESULTS)
        .evaluateAll((links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(top, `"${phrase}" for ${paper.slug}`).toContain(`/papers/${paper.slug}/`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows title, topic chips and a highlighted excerpt, and moves through results with the arrows', async () => {
    const page = await newPage();
    await page.goto(root.url);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'influence functions');
    const first = page.locator(RESULTS).first();
    expect(await first.locator('.result-title').textContent()).toMatch(/Influence/i);
    expect(await first.locator('.result-topics .chip').count()).toBeGreaterThan(0);
    expect((await first.locator('.result-excerpt mark').allTextContents()).join(' ').toLowerCase()).toContain('influence');
    const input = page.locator('.search-dialog input[type="search"]');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const second = page.locator(RESULTS).nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('filters by topic, with counts', async () => {
    const page = await newPage();
    await page.goto(root.url);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'language models');
    const unfiltered = await page.locator(RESULTS).count();
    // Results first: many topics fold into one line above the results, opened on demand.
    const summary = page.locator('.search-dialog .search-filters > summary');
    await expect.poll(() => summary.textContent()).toMatch(/^Filter by topic \(\d+\)$/);
    expect(await page.locator('.search-dialog .search-filters').getAttribute('open')).toBeNull();
    await summary.click();
    const label = page.locator('.search-dialog .search-filters label', { hasText: 'Recommender systems' });
    const count = Number(await label.locator('.count').textContent());
    expect(count).toBeGreaterThan(0);
    await label.locator('input').check();
    // The status changes once the filtered search is done (until then it still shows the unfiltered one).
    await expect
      .poll(async () => Number((await page.locator('.search-dialog [data-search-status]').textContent())!.split(' ')[0]))
      .toBe(count);
    await expect.poll(() => page.locator(`${RESULTS} .result-topics`).count()).toBeLessThanOrEqual(count);
    const chips = await page.locator(`${RESULTS} .result-topics`).allTextContents();
    expect(chips.length).toBeGreaterThan(0);
    for (const text of chips) expect(text).toContain('Recommender systems');
    expect(unfiltered).toBeGreaterThanOrEqual(chips.length);
    // The share link carries the query and the filter.
    const share = await page.locator('[data-search-share]').getAttribute('href');
    expect(share).toBe('/search/?q=language+models&topic=Recommender+systems');
    // The chosen topic stays in view as a filter that removes itself, folded filters or not.
    await summary.click();
    const active = page.getByRole('button', { name: 'Remove filter: Topic: Recommender systems' });
    expect(await active.isVisible()).toBe(true);
    await active.click();
    await expect.poll(() => page.locator(RESULTS).count()).toBe(unfiltered);
    expect(await active.count()).toBe(0);
    await page.close();
  });

  it('forgives a misspelled word: corrects it from the corpus vocabulary, loaded only then, and says so', async () => {
    const page = await newPage();
    const vocabulary: string[] = [];
    page.on('request', (request) => request.url().endsWith('search-vocabulary.txt') && vocabulary.push(request.url()));
    await page.goto(root.url);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'reward modeling tool');
    expect(vocabulary).toEqual([]);
    const status = page.locator('.search-dialog [data-search-status]');
    await page.locator('.search-dialog input[type="search"]').fill('rewrad modeling tool');
    await expect
      .poll(() => status.textContent())
      .toBe('No results for “rewrad modeling tool”. 1 result for “reward modeling tool” (“rewrad” read as “reward”).');
    expect(await page.locator(`${RESULTS} .result-title`).first().textContent()).toBe('Tool-Augmented Reward Modeling');
    expect(vocabulary).toHaveLength(1);
    // A word nothing is close to is left out, and the status says which.
    await page.locator('.search-dialog input[type="search"]').fill('xqzvkw reward');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^No results for “xqzvkw reward”\. \d+ results for “reward” \(“xqzvkw” ignored\)\.$/);
    expect(await page.locator(RESULTS).count()).toBeGreaterThan(0);
    expect(vocabulary).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a result with Enter and highlights the searched words on the paper page', async () => {
    const page = await newPage();
    await page.goto(root.url);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'Themis');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/papers\/tool-augmented-reward-modeling\/\?highlight=themis$/i);
    const mark = page.locator('article mark.pagefind-highlight').first();
    await mark.waitFor();
    expect(await mark.textContent()).toBe('Themis');
    // Scrolled to the first mark: it is in the viewport.
    expect(
      await mark.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a shared /search/?q=&topic= URL and keeps the address in step with typing', async () => {
    const page = await newPage();
    await page.goto(`${root.url}search/?q=persuasion&topic=${encodeURIComponent('Persuasion and misinformation')}`);
    const results = page.locator('.search-page [role="option"]');
    await results.first().waitFor();
    expect(
      await page
        .locator('.search-page .search-filters input:checked')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    ).toEqual(['Persuasion and misinformation']);
    for (const chips of await page.locator('.search-page .result-topics').allTextContents())
      expect(chips).toContain('Persuasion and misinformation');
    await page.locator('.search-page input[type="search"]').fill('fake news');
    await page.waitForURL(/\?q=fake\+news&topic=Persuasion\+and\+misinformation$/);
    await page.waitForFunction(() => document.querySelector('.search-page [data-search-status]')?.textContent?.includes('“fake news”'));
    expect(await results.first().locator('.result-title').textContent()).toMatch(/Fake News/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when a topic in the address does not exist, and leaves it out', async () => {
    const page = await newPage();
    await page.goto(`${root.url}search/?q=reward&topic=No+such+topic`);
    const status = page.locator('.search-page [data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/^No topic is called “No such topic”; it is left out\. \d+ results for “reward”/);
    expect(await page.locator('.search-page [role="option"]').count()).toBeGreaterThan(0);
    await page.waitForURL(/\/search\/\?q=reward$/);
    await page.close();
  });

  it('loads no Pagefind code on a page until search is opened', async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${root.url}papers/tool-augmented-reward-modeling/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => /pagefind/.test(url))).toEqual([]);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'reward');
    expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(requests.some((url) => /\.pagefind$|wasm/.test(url))).toBe(true);
    await page.close();
  });

  it('degrades to a link to the topics index without JavaScript', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(root.url);
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-fallback]').getAttribute('href')).toBe('/topics/');
    expect(await page.locator('[data-search-open]').isVisible()).toBe(false);
    await context.close();
  });

  it('works the same under a sub-path', async () => {
    const page = await newPage();
    await page.goto(`${sub.url}topics/`);
    await page.keyboard.press('Control+k');
    await searchFor(page, 'tool-augmented preference modeling Themis');
    const first = page.locator(RESULTS).first();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${SUB_PATH}papers/tool-augmented-reward-modeling/\\?highlight=`));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${SUB_PATH}papers/tool-augmented-reward-modeling/`));
    await page.locator('article mark.pagefind-highlight').first().waitFor();
    await page.goto(`${sub.url}search/?q=${encodeURIComponent('reward model')}`);
    await page.locator('.search-page [role="option"]').first().waitFor();
    const hrefs = await page.locator('.search-page [role="option"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href!.startsWith(SUB_PATH)).toBe(true);
    expect(bySlug('tool-augmented-reward-modeling')).toBeDefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
