/**
 * The reading list in Chromium: the Save toggle on a paper page (pointer and keyboard), saving from
 * search results (Shift+Enter and the star), the /reading-list/ page (listing, removing, BibTeX and
 * text downloads that are the paper pages' own citations), a paper kept across a slug change, and
 * all of it under a sub-path.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { SUB_PATH, TEST_DIST, TEST_DIST_SUB } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const PAPER = 'papers/tool-augmented-reward-modeling/';
const STORAGE_KEY = 'abstracta-reading-list';

/** The stored list, as the page's storage holds it. */
const stored = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? '[]') as { keys: string[]; url: string; title: string; bibtex?: string; savedAt: number }[],
    STORAGE_KEY,
  );

/** The text of a file the page offers for download by clicking `selector`. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe.skipIf(!CHROMIUM)('the reading list', () => {
  const server = useServer(TEST_DIST);
  const sub = useServer(TEST_DIST_SUB, SUB_PATH);
  const chromium = useChromium();

  it('saves a paper from its page, lists it, exports its own BibTeX and citation, and removes it', async () => {
    const context = await chromium.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAPER}`);
    const save = page.locator('button[data-save]');
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    await save.click();
    // The list's code loads on the first press.
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const bibtex = (await page.locator('#cite-bibtex').textContent())!;
    const citation = (await page.locator('#cite-text').textContent())!;
    const [entry] = await stored(page);
    expect(entry.url).toBe(`/${PAPER}`);
    expect(entry.bibtex).toBe(bibtex);
    // Still saved on the next visit.
    await page.reload();
    expect(await save.getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('link', { name: 'Reading list' }).first().click();
    await page.waitForURL(/\/reading-list\/$/);
    const items = page.locator('[data-reading-list] > li');
    expect(await items.count()).toBe(1);
    expect(await page.locator('[data-reading-status]').textContent()).toBe('1 paper saved.');
    const link = items.first().getByRole('link');
    expect(await link.textContent()).toBe('Tool-Augmented Reward Modeling');
    expect(await link.getAttribute('href')).toBe(`/${PAPER}`);
    expect(await items.first().locator('.paper-meta').textContent()).toMatch(/Alignment, RLHF and reward models.*Trending/);

    const bib = await downloaded(page, '[data-export="bibtex"]');
    expect(bib.name).toBe('reading-list.bib');
    expect(bib.text).toBe(`${bibtex}\n`);
    const text = await downloaded(page, '[data-export="text"]');
    expect(text.text).toBe(`${citation}\n`);

    // Remove, by keyboard: focus goes back to the heading when the list empties.
    await items.first().getByRole('button', { name: 'Remove “Tool-Augmented Reward Modeling”' }).focus();
    await page.keyboard.press('Enter');
    expect(await items.count()).toBe(0);
    expect(await page.locator('[data-reading-status]').textContent()).toMatch(
      /^Removed “Tool-Augmented Reward Modeling”\. Nothing saved yet/,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reading-list-title');
    expect(await page.locator('[data-reading-actions]').isVisible()).toBe(false);
    await page.goto(`${server.url}${PAPER}`);
    expect(await save.getAttribute('aria-pressed')).toBe('false');

    // The toggle by keyboard alone.
    await save.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('saves from search results with Shift+Enter or the star, and the list takes the citation from the page', async () => {
    const context = await chromium.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}topics/`);
    await page.keyboard.press('/');
    const dialog = page.locator('.search-dialog');
    await dialog.locator('input[type="search"]').fill('Tool-Augmented Reward Modeling');
    const first = dialog.locator('[role="option"]').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^/${PAPER}\\?highlight=`));
    await page.keyboard.press('Shift+Enter');
    // Saved, not opened: the page stays, the result says so, the status tells a screen reader.
    expect(page.url()).toBe(`${server.url}topics/`);
    expect(await first.locator('.result-save').textContent()).toBe('★');
    expect(await first.locator('.result-saved-state').textContent()).toBe(' (saved)');
    expect(await dialog.locator('[role="status"]').textContent()).toBe('Saved “Tool-Augmented Reward Modeling” to your reading list.');
    // The star of another result saves that one, without following its link.
    await dialog.locator('input[type="search"]').fill('reward model');
    await dialog.locator('[role="status"]', { hasText: /results? for “reward model”/ }).waitFor();
    const second = dialog.locator(`[role="option"]:has(.result-save):not([href^="/${PAPER}"])`).first();
    const secondUrl = (await second.getAttribute('href'))!.split('?')[0];
    await second.locator('.result-save').click();
    expect(page.url()).toBe(`${server.url}topics/`);
    expect((await stored(page)).map((entry) => entry.url).sort()).toEqual([`/${PAPER}`, secondUrl].sort());
    expect((await stored(page)).every((entry) => !entry.bibtex)).toBe(true);

    // The list page fetches each paper's page once for its citation; the export is then the pages' own.
    await page.goto(`${server.url}reading-list/`);
    await page.locator('[data-reading][data-ready]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-reading-list] > li').count()).toBe(2);
    const bib = await downloaded(page, '[data-export="bibtex"]');
    const bibtexOf = async (url: string) => {
      const other = await context.newPage();
      await other.goto(`${server.url}${url.slice(1)}`);
      const text = (await other.locator('#cite-bibtex').textContent())!;
      await other.close();
      return text;
    };
    // Newest first: the star's paper, then the Shift+Enter one.
    expect(bib.text).toBe(`${await bibtexOf(secondUrl)}\n\n${await bibtexOf(`/${PAPER}`)}\n`);
    await context.close();
  });

  it('keeps a saved paper when its address changes: it is matched by its title, and the entry is brought up to date', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${server.url}reading-list/`);
    await page.evaluate(
      (key) =>
        localStorage.setItem(
          key,
          JSON.stringify([
            {
              keys: ['t:tool augmented reward modeling'],
              url: '/papers/an-old-slug/',
              title: 'Tool-augmented reward modeling',
              topics: [],
              savedAt: 1,
            },
          ]),
        ),
      STORAGE_KEY,
    );
    await page.goto(`${server.url}${PAPER}`);
    expect(await page.locator('button[data-save]').getAttribute('aria-pressed')).toBe('true');
    // The entry is refreshed once the list's code has loaded (after the button shows the state).
    await expect
      .poll(async () => {
        const [entry] = await stored(page);
        return [entry.url, entry.title, entry.savedAt];
      })
      .toEqual([`/${PAPER}`, 'Tool-Augmented Reward Modeling', 1]);
    await page.close();
  });

  it('works under a sub-path', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${sub.url}${PAPER}`);
    await page.locator('button[data-save]').click();
    await expect.poll(() => page.locator('button[data-save]').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'Reading list' }).first().click();
    await page.waitForURL(new RegExp(`${SUB_PATH}reading-list/$`));
    const link = page.locator('[data-reading-list] > li a');
    expect(await link.getAttribute('href')).toBe(`${SUB_PATH}${PAPER}`);
    await link.click();
    await page.waitForURL(new RegExp(`${SUB_PATH}${PAPER}$`));
    expect(await page.locator('button[data-save]').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
