import { readPartsList } from '../../lib/search-parts.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search-state.ts';

/**
 * Loading Pagefind's browser API from the built bundle, once, on first use: a page that never
 * searches fetches none of Pagefind's JavaScript or WebAssembly.
 */

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindFragment> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind's API from `bundle` (the `pagefind/` folder URL), with result URLs under `base`, and the
 * indexes of the sites in `merge` searched with it (their result URLs are under their own base), and
 * the other parts of this site's index, named in the list at `partsList` (results under `base` too).
 */
export function loadPagefind(bundle: string, base: string, merge: readonly string[] = [], partsList?: string): Promise<Pagefind> {
  loading ??= (async () => {
    // The list of parts is fetched while Pagefind's script loads; each part is a folder beside the list's.
    const parts = partsList ? partUrls(partsList) : Promise.resolve([]);
    parts.catch(() => undefined); // a failure is reported below, when the parts are awaited
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // No web worker: searching this index takes milliseconds on the main thread, and the worker is
    // another 43 KB to fetch before the first results.
    const shared = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 26 };
    await pagefind.options({ ...shared, baseUrl: base, noWorker: true });
    await pagefind.init();
    for (const part of await parts) await pagefind.mergeIndex(part, { ...shared, baseUrl: base });
    for (const index of merge) await pagefind.mergeIndex(index, shared);
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The folder URLs of the parts named in the list at `listUrl`: `/base/pagefind/parts.json` → `/base/pagefind-2/`, … */
async function partUrls(listUrl: string): Promise<string[]> {
  const response = await fetch(listUrl);
  if (!response.ok) throw new Error(`the list of the search index's parts is missing (${response.status})`);
  const list = new URL(listUrl, location.href);
  return readPartsList(await response.json()).map((name) => new URL(`../${name}/`, list).pathname);
}
