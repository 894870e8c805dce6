/**
 * The strict Content-Security-Policy of `public/_headers`, served with the built site: every page type
 * loads and search works, with no violation reported by Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { headersFile, useServer } from '../helpers/serve.ts';

describe.skipIf(!CHROMIUM)('the site under its strict Content-Security-Policy', () => {
  const headers = headersFile(readFileSync(join(TEST_DIST, '_headers'), 'utf8'));
  const server = useServer(TEST_DIST, '/', headers);
  const chromium = useChromium();

  it('is strict: no inline scripts or styles, no eval beyond WebAssembly', () => {
    const csp = headers['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it('loads pages, opens search, finds, highlights, switches theme and keeps a reading list without a violation', async () => {
    const page = await chromium.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    for (const path of ['', 'topics/', 'papers/tool-augmented-reward-modeling/', 'papers/', 'search/?q=reward']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(server.url);
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input[type="search"]').fill('Themis');
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('article mark.pagefind-highlight').first().waitFor();
    await page.locator('[data-theme-toggle]').click();
    // The reading list: save from the page and from search, list (fetching the search one's page), download.
    await page.locator('button[data-save]').click();
    await page.locator('button[data-save][aria-pressed="true"]').waitFor();
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input[type="search"]').fill('reward model');
    await page.locator('.search-dialog [role="option"] .result-save').nth(1).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Enter');
    await page.goto(`${server.url}reading-list/`);
    await page.locator('[data-reading][data-ready]').waitFor({ state: 'attached' });
    await page.locator('[data-export="bibtex"]').click();
    expect(await page.locator('[data-reading-list] > li').count()).toBe(2);
    expect(violations).toEqual([]);
    await page.close();
  });
});
