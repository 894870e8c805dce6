/**
 * Search under `npm run dev`: the dev server indexes the content when it starts and serves the index
 * where the site expects it. Started here for real, on a free port, and driven in Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { acquireAstroLock } from '../helpers/content.ts';
import { NODE, ROOT } from '../helpers/paths.ts';

const PORT = 4321 + (process.pid % 1000);

describe.skipIf(!CHROMIUM)('search in the dev server', () => {
  let server: ChildProcess;
  let log = '';
  let release: (() => void) | undefined;

  beforeAll(async () => {
    // The dev server runs as a user would start it: without the test runner's environment
    // (NODE_ENV=test and VITEST_* change how Vite serves pages).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|BASE_PATH$|ABSTRACTA_CONTENT$|TEST$)/.test(key)),
    );
    release = acquireAstroLock();
    server = spawn(NODE, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env,
    });
    // Colour codes (CI turns them on) would split "Local" from its URL.
    const append = (chunk: Buffer) => (log += String(chunk).replace(/\x1b\[[0-9;]*m/g, ''));
    server.stdout!.on('data', append);
    server.stderr!.on('data', append);
    // Ready when the server listens and the content has been indexed for search.
    const deadline = Date.now() + 120_000;
    while (!/dev search: indexed \d+/.test(log) || !/Local\s+http/.test(log)) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`dev server did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 150_000);

  afterAll(async () => {
    server?.kill();
    if (server && server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    release?.();
  });
  const chromium = useChromium();

  it('finds a paper, and says that it searches the dev index', async () => {
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The first visit makes Vite optimize dependencies and reload the page once; search after that.
    await page.goto(`http://127.0.0.1:${PORT}/topics/`);
    await page.waitForLoadState('networkidle');
    await page.goto(`http://127.0.0.1:${PORT}/topics/`);
    await page.waitForLoadState('networkidle');
    await page.locator('[data-search-open]').waitFor();
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input[type="search"]').fill('tool-augmented preference modeling Themis');
    const first = page.locator('.search-dialog [role="option"]').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('href')).toMatch(/^\/papers\/tool-augmented-reward-modeling\/\?highlight=/);
    expect(await page.locator('.search-dialog .search-dev-note').textContent()).toMatch(/Dev server/);
    expect(errors).toEqual([]);
    expect(log).toMatch(/dev search: indexed 96 papers and topics/);
  }, 60_000);
});
