/**
 * Headless Chromium for browser tests: Debian's `chromium` found on PATH, driven by playwright-core
 * (which never downloads a browser). Locally, a machine without Chromium skips the browser tests and
 * says so; in CI (`CI=true`) a missing browser fails the run instead.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** Path of the Chromium binary on PATH, or undefined. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this name; try the next
    }
  }
  return undefined;
}

export const CHROMIUM = findChromium();

if (!CHROMIUM) {
  if (process.env.CI)
    throw new Error('Chromium is not installed: CI must install it (apt-get install -y chromium) before the browser tests');
  console.warn('SKIPPING browser tests: no chromium on PATH (install it with `apt-get install -y chromium`)');
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
