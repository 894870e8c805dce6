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

  it('draws the corpus map with labels clear of every dot and of each other, names the focused dot, and fits a phone', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}topics/`);
    // Rendered boxes, as the browser drew them (the fonts it had), not the layout's own numbers.
    const drawn = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
      };
      return {
        labels: [...document.querySelectorAll('.corpus-map .map-label')].map(box),
        dots: [...document.querySelectorAll('.corpus-map > svg circle')].map((c) => {
          const r = c.getBoundingClientRect();
          return { cx: r.x + r.width / 2, cy: r.y + r.height / 2, r: r.width / 2 };
        }),
      };
    });
    expect(drawn.labels.length).toBeGreaterThanOrEqual(8);
    expect(drawn.dots).toHaveLength(83);
    const overlap = (a: (typeof drawn.labels)[0], b: (typeof drawn.labels)[0]) =>
      a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
    for (const [i, label] of drawn.labels.entries()) {
      for (const other of drawn.labels.slice(i + 1)) expect(overlap(label, other)).toBe(false);
      for (const dot of drawn.dots) {
        const nx = Math.min(Math.max(dot.cx, label.x), label.right);
        const ny = Math.min(Math.max(dot.cy, label.y), label.bottom);
        expect(Math.hypot(dot.cx - nx, dot.cy - ny)).toBeGreaterThanOrEqual(dot.r);
      }
    }
    // Keyboard: Tab onto the first dot shows its title in the line above the map, in place of the hint.
    const first = page.locator('.corpus-map svg a').first();
    const title = (await first.getAttribute('aria-label'))!;
    expect(await page.locator('.map-hint').isVisible()).toBe(true);
    await first.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(title);
    expect(await first.locator('.map-name').isVisible()).toBe(true);
    expect(await first.locator('.map-name').textContent()).toBe(title);
    expect(await page.locator('.map-hint').isVisible()).toBe(false);
    // A phone: the whole map within the screen, no 5-pixel labels, the legend as its key.
    await page.setViewportSize({ width: 360, height: 740 });
    const svg = await page.locator('.corpus-map > svg').boundingBox();
    expect(svg!.x).toBeGreaterThanOrEqual(0);
    expect(svg!.x + svg!.width).toBeLessThanOrEqual(360);
    expect(await page.locator('.map-label').first().isVisible()).toBe(false);
    expect(await page.locator('.map-legend li').first().isVisible()).toBe(true);
    await page.close();
  });
});
