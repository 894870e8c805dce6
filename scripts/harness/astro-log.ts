/**
 * Reading Astro's build log, for the benchmarks and the tests: each generated page is logged as
 * `├─ /path` and, when it was taken from the last build instead of rendered, `(cached)` or
 * `(restored)` right after its path. Pages render 8 at a time, so one line can hold several page
 * starts; and the log is coloured when the environment asks for colour, so colour codes go first.
 */
import { stripVTControlCharacters } from 'node:util';

/** How many pages the log shows rendered, and how many reused. */
export function countPages(output: string): { rendered: number; reused: number } {
  const log = stripVTControlCharacters(output);
  const pages = log.split('├─ /').length - 1;
  const reused = log.match(/\((?:cached|restored)\)/g)?.length ?? 0;
  return { rendered: pages - reused, reused };
}

/** The pages the log shows reused, by the file each was written to (relative to the output, e.g. `/papers/x/index.html`). */
export function reusedPages(output: string): Set<string> {
  return new Set(Array.from(stripVTControlCharacters(output).matchAll(/├─ (\/\S+?) \((?:cached|restored)\)/g), (match) => match[1]));
}
