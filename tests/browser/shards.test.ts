/**
 * An archive built in shards (docs/scaling.md): two sites of real Hugging Face papers, 2024 and 2026,
 * each built under its own sub-path with its own Pagefind index and `SEARCH_MERGE` naming the other's.
 * Served together, either site's search finds the papers of both, linked to the right shard.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { buildSite, entriesIn, hfContent } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const SHARDS = ['2024', '2026'];
/** Days of papers per shard: two keep the test quick; `SHARD_DAYS=all` builds the whole real corpus. */
const DAYS = process.env.SHARD_DAYS === 'all' ? Infinity : 2;
const work = mkdtempSync(join(tmpdir(), 'abstracta-shards-'));
const site = join(work, 'site');

/** Titles and slugs of a shard's papers, from its entries. */
const papersOf = (shard: string) => entriesIn(join(work, shard, 'papers'));

describe.skipIf(!CHROMIUM)('an archive in two shards, searched together', () => {
  beforeAll(() => {
    for (const [index, shard] of SHARDS.entries()) {
      const content = join(work, shard);
      const days = readdirSync(join(FIXTURES, 'hf-daily-papers', shard))
        .sort()
        .slice(0, DAYS);
      expect(
        hfContent(
          content,
          days.map((day) => join(shard, day)),
        ).status,
      ).toBe(0);
      const other = SHARDS[1 - index];
      const built = buildSite(content, join(site, shard), { BASE_PATH: `/${shard}/`, SEARCH_MERGE: `/${other}/pagefind/` });
      expect(built.status, built.output).toBe(0);
    }
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // Registered after the build, so they start once both shards are built.
  const server = useServer(site);
  const chromium = useChromium();

  it('finds papers of both shards from either, each linked under its own shard', async () => {
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const from of SHARDS) {
      for (const shard of SHARDS) {
        const paper = papersOf(shard)[3];
        await page.goto(`${server.url}${from}/search/?q=${encodeURIComponent(paper.title)}`);
        const links = page.locator('.search-page [role="option"]');
        await links.first().waitFor();
        // Result links carry the searched words for highlighting: compare paths.
        const hrefs = await links.evaluateAll((options) => options.map((option) => option.getAttribute('href')?.split('?')[0]));
        expect(hrefs, `${paper.title} searched from ${from}`).toContain(`/${shard}/papers/${paper.slug}/`);
      }
    }
    // A result from the other shard opens its page there.
    const paper = papersOf('2026')[3];
    await page.goto(`${server.url}2024/search/?q=${encodeURIComponent(paper.title)}`);
    await page.locator(`.search-page [role="option"][href^="/2026/papers/${paper.slug}/"]`).click();
    await page.waitForURL(new RegExp(`/2026/papers/${paper.slug}/`));
    expect((await page.locator('article h1').textContent())?.trim()).toBe(paper.title);
    expect(errors).toEqual([]);
    await page.close();
  });
});
