/**
 * Search in a real browser: headless Chromium on the seed build served over HTTP, the way a reader
 * uses it, from the header box on any page to a result and the paper page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';

describe.skipIf(!CHROMIUM)('search in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serve(TEST_DIST);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a paper from the header box of a topic page and opens it', async () => {
    await page.goto(`${server.url}topics/alignment/`);
    await page.fill('#site-search', 'tool-augmented preference modeling Themis');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/papers/tool-augmented-reward-modeling/');
    await first.click();
    await page.waitForURL(/\/papers\/tool-augmented-reward-modeling\/$/);
    expect(await page.locator('article h1').textContent()).toBe('Tool-Augmented Reward Modeling');
    expect(errors).toEqual([]);
  });

  it('runs a shared /search/?q= link and keeps the address in step with typing', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('persuasion')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    const titles = await page.locator('.pagefind-ui__result-link').allTextContents();
    expect(titles.some((t) => /Persuasive|Persuasion|Persuasiveness/i.test(t))).toBe(true);
    await page.fill('.pagefind-ui__search-input', 'influence functions');
    await page.waitForURL(/q=influence\+functions|q=influence%20functions/);
    expect(errors).toEqual([]);
  });

  it('loads no search code on pages that do not search', async () => {
    const fresh = await browser.newPage();
    const requests: string[] = [];
    fresh.on('request', (request) => requests.push(request.url()));
    await fresh.goto(`${server.url}papers/tool-augmented-reward-modeling/`);
    await fresh.waitForLoadState('networkidle');
    expect(requests.length).toBeGreaterThan(1); // the page and its stylesheet at least
    expect(requests.filter((url) => /pagefind|\.js$|\.wasm$/.test(url))).toEqual([]);
    await fresh.close();
  });
});
