/**
 * Pure, and loaded by the search in the browser too (never read the environment here).
 *
 * A search index in parts: on a site so large that Pagefind would need more memory than the rest of
 * the build (about 0.1 MB a page, all at once), `npm run build` indexes its pages in parts, one after
 * another, each in a folder of its own, and the search merges them in the browser (Pagefind's
 * `mergeIndex`, as for shards). The number of parts is decided before Astro starts (see
 * `scripts/site/limits.ts`) and handed to it. Pages say only that the index is in parts; the list of
 * the other parts is a file in the first part's folder, read when search is first opened, so a site
 * that grows into one more part does not render every page again.
 */

/** The folder of each of `parts` parts, relative to the site's base: `pagefind`, `pagefind-2`, … */
export function searchPartFolders(parts: number): string[] {
  return Array.from({ length: parts }, (_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));
}

/** Whether `name` (a folder at the top of the output) holds a part of the search index. */
export const isSearchPartFolder = (name: string) => /^pagefind(-[1-9]\d*)?$/.test(name);

/** The list of the other parts, in the first part's folder (`pagefind/`): a JSON array of their folder names. */
export const PARTS_LIST = 'parts.json';

/** The text of the list of a `parts`-part index. */
export function partsList(parts: number): string {
  return JSON.stringify(searchPartFolders(parts).slice(1));
}

/** Reads a list of parts, as fetched: only folder names of other parts are taken, never a URL or a path. */
export function readPartsList(list: unknown): string[] {
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string' && isSearchPartFolder(name) && name !== 'pagefind'))
    throw new Error(`the search index's list of parts is not a list of part folders: ${JSON.stringify(list)?.slice(0, 80)}`);
  return list as string[];
}

/** Reads the number of parts `npm run build` hands to Astro: 1 unless it says otherwise. */
export function parseSearchParts(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const parts = Number(value);
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`ABSTRACTA_SEARCH_PARTS: "${value}" must be a whole number of at least 1`);
  return parts;
}
