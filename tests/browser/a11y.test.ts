/**
 * Accessibility in Chromium with axe-core: no serious or critical violation on the main kinds of
 * page, with the search dialog open, on the 404 page and on the reading list, in the light and the dark theme.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

const PAGES = [
  '',
  'topics/',
  'topics/alignment/',
  'papers/tool-augmented-reward-modeling/',
  'papers/',
  'search/?q=reward',
  'search/?q=reward&author=Ada+Lovelace',
  'no-such-page/',
  'reading-list/',
];

describe.skipIf(!CHROMIUM)('accessibility (axe-core)', () => {
  const server = useServer(TEST_DIST);
  const chromium = useChromium();

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${theme} theme`, async () => {
      const page = await chromium.browser.newPage({ colorScheme: theme });
      const problems: string[] = [];
      // One paper saved, so the reading list page lists it.
      await page.goto(`${server.url}papers/tool-augmented-reward-modeling/`);
      await page.locator('button[data-save]').click();
      await page.locator('button[data-save][aria-pressed="true"]').waitFor();
      for (const path of PAGES) {
        // The static server has no 404 fallback: load the built 404 page itself.
        await page.goto(path === 'no-such-page/' ? `${server.url}404.html` : `${server.url}${path}`);
        await page.waitForLoadState('networkidle');
        for (const problem of await violations(page)) problems.push(`/${path}: ${problem}`);
      }
      // The search dialog, open with results.
      await page.goto(server.url);
      await page.keyboard.press('Control+k');
      await page.locator('.search-dialog input[type="search"]').fill('reward model');
      await page.locator('.search-dialog [role="option"]').first().waitFor();
      // The folded topic filters, opened.
      await page.locator('.search-dialog .search-filters > summary').waitFor();
      await page.locator('.search-dialog .search-filters').evaluate((details) => ((details as HTMLDetailsElement).open = true));
      await page.locator('.search-dialog .search-filters label').first().waitFor();
      for (const problem of await violations(page)) problems.push(`search dialog: ${problem}`);
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
