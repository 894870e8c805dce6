/**
 * The reading experience in Chromium: the theme switch (persisted, applied before the first paint),
 * the topics drawer on a phone, nothing scrolling sideways at 320 px, and the copy buttons.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const PAPER = 'papers/tool-augmented-reward-modeling/';

describe.skipIf(!CHROMIUM)('reading in Chromium', () => {
  const server = useServer(TEST_DIST);
  const chromium = useChromium();

  it('follows the system theme, switches, remembers, and applies the choice before the first paint', async () => {
    const context = await chromium.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAPER}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background()).toBe('rgb(22, 24, 29)');
    // On the next page the saved theme is on <html> before any stylesheet or module script runs.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { early: string | null }).early = document.documentElement.getAttribute('data-theme');
      });
    });
    await page.goto(`${server.url}topics/`);
    expect(await page.evaluate(() => (window as unknown as { early: string | null }).early)).toBe('dark');
    expect(await background()).toBe('rgb(22, 24, 29)');
    await context.close();
  });

  it('puts the topics in a drawer on a phone, opened by the menu button and closed by Esc', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}${PAPER}`);
    const sidebar = page.locator('#site-sidebar');
    const button = page.locator('[data-menu-toggle]');
    expect(await sidebar.isVisible()).toBe(false);
    await button.click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-toggle'))).toBe(true);
    await page.close();
  });

  it('never scrolls sideways at 320 px', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['', 'topics/', 'topics/alignment/', PAPER, 'papers/', 'search/?q=reward', '404.html']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.close();
  });

  it('copies the BibTeX entry', async () => {
    const context = await chromium.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAPER}`);
    await page.locator('button[data-copy="cite-bibtex"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{tool-augmented-reward-modeling,\n {2}title = \{\{Tool-Augmented Reward Modeling\}\}/);
    expect(await page.locator('button[data-copy="cite-bibtex"]').textContent()).toBe('Copied');
    await context.close();
  });
});
