/**
 * Headless Chromium for browser tests: Debian's `chromium` found on PATH, driven by playwright-core
 * (which never downloads a browser). Locally, a machine without Chromium skips the browser tests and
 * says so; in CI (`CI=true`) a missing browser fails the run instead.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/harness/chromium.ts';

export const CHROMIUM = findChromium();

if (!CHROMIUM) {
  if (process.env.CI)
    throw new Error('Chromium is not installed: CI must install it (apt-get install -y chromium) before the browser tests');
  console.warn('SKIPPING browser tests: no chromium on PATH (install it with `apt-get install -y chromium`)');
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * Chromium for the tests of the calling `describe` block: launched before them, closed after.
 * Read `.browser` inside tests and hooks registered after this call.
 */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser!;
    },
  };
}
