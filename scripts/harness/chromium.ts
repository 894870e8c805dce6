/**
 * Debian's Chromium, for browser tests and benchmarks: found on PATH (nothing downloads a browser),
 * started headless with the flags this closed network needs (no background networking, no component
 * updates, no sync).
 */
import { execFileSync } from 'node:child_process';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
