/**
 * Step timings of `astro build` for `npm run build` (scripts/build.ts), which passes a file in
 * `ABSTRACTA_TIMINGS`; each step appends one JSON line `{ "step": ..., "ms": ... }`. Without the
 * variable nothing is written. This integration goes last, so its `astro:build:done` runs after the
 * others (the sitemap, Pagefind) have finished theirs.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync } from 'node:fs';

/** Appends one step's time to the timings file, when there is one. */
export function recordTiming(step: string, ms: number): void {
  const file = process.env.ABSTRACTA_TIMINGS;
  if (file) appendFileSync(file, `${JSON.stringify({ step, ms: Math.round(ms) })}\n`);
}

export default function timingsIntegration(): AstroIntegration {
  let mark = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    recordTiming(step, now - mark);
    mark = now;
  };
  return {
    name: 'abstracta:timings',
    hooks: {
      'astro:config:done': () => {
        mark = performance.now();
      },
      // Content sync (the paper loader) and type generation run between these two hooks.
      'astro:build:start': () => lap('content'),
      'astro:build:generated': () => lap('pages'),
      'astro:build:done': () => lap('after pages'),
    },
  };
}
