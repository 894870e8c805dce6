/**
 * Queries a built Pagefind index through Pagefind's own browser API (`pagefind.js`), run in Node.
 * Node's fetch cannot read `file:` URLs, so fetches of the bundle are answered from disk; everything
 * else (the WASM search, the index chunks, the fragments) is Pagefind's own code.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PARTS_LIST, readPartsList } from '../../src/lib/search-parts.ts';

export interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  content: string;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let fetchPatched = false;
function patchFetch() {
  if (fetchPatched) return;
  fetchPatched = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return realFetch(input, init);
    const body = await readFile(fileURLToPath(url.split('?')[0]));
    return new Response(body, { headers: url.includes('wasm') ? { 'content-type': 'application/wasm' } : {} });
  };
}

/** Loads the Pagefind bundle of the site built in `distDir`, with the other parts its list names, as the site's search does. */
export async function loadPagefind(
  distDir: string,
): Promise<{ api: PagefindApi; search(term: string, options?: Record<string, unknown>): Promise<PagefindResult[]> }> {
  patchFetch();
  const bundle = join(distDir, 'pagefind');
  const api = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindApi;
  await api.options({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: '/' });
  await api.init();
  const list = join(bundle, PARTS_LIST);
  const parts = existsSync(list) ? readPartsList(JSON.parse(await readFile(list, 'utf8'))) : [];
  for (const part of parts) await api.mergeIndex(`${pathToFileURL(join(distDir, part)).href}/`, { baseUrl: '/' });
  return {
    api,
    async search(term, options) {
      const response = await api.search(term, options);
      return Promise.all(response.results.map((result) => result.data()));
    },
  };
}
