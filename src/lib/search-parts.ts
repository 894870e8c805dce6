/**
 * A search index in parts: on a site so large that Pagefind would need more memory than the rest of
 * the build (about 0.1 MB a page, all at once), `npm run build` indexes its pages in parts, one after
 * another, each in a folder of its own, and the search merges them in the browser (Pagefind's
 * `mergeIndex`, as for shards). The number of parts is decided before Astro starts (see
 * `scripts/site/limits.ts`) and handed to it, since every page names the folders to search.
 */

/** The folder of each of `parts` parts, relative to the site's base: `pagefind`, `pagefind-2`, … */
export function searchPartFolders(parts: number): string[] {
  return Array.from({ length: parts }, (_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));
}

/** Whether `name` (a folder at the top of the output) holds a part of the search index. */
export const isSearchPartFolder = (name: string) => /^pagefind(-[1-9]\d*)?$/.test(name);

/** Reads the number of parts `npm run build` hands to Astro: 1 unless it says otherwise. */
export function parseSearchParts(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const parts = Number(value);
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`ABSTRACTA_SEARCH_PARTS: "${value}" must be a whole number of at least 1`);
  return parts;
}

/** The parts of this build's search index. */
export const SEARCH_PARTS = parseSearchParts(process.env.ABSTRACTA_SEARCH_PARTS);
