/**
 * The Pagefind bundle of a set of records, through Pagefind's Node API (its indexer is a native binary
 * in a process of its own, so it runs on the second core while Astro renders on the first), and its
 * placement in the built site: only files that changed are written, files no longer in the bundle are
 * removed. Pagefind names index files by their content, so a daily update rewrites only the fragments
 * and index chunks that changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../../src/lib/search-record.ts';
import { isSearchPartFolder, PARTS_LIST, partsList, searchPartFolders } from '../../src/lib/search-parts.ts';
import { filesBelow } from '../shared/files-below.ts';

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** A bundle: its files (path inside `pagefind/` → bytes), and how many pages it indexes. */
export interface Bundle {
  files: Map<string, Uint8Array>;
  pages: number;
}

/** Makes a Pagefind index, lets `add` fill it (returning the pages it added), and takes its files. */
async function bundleOf(add: (index: PagefindIndex) => Promise<number>): Promise<Bundle> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const pages = await add(index);
    const { files, errors: fileErrors } = await index.getFiles();
    check('getFiles', fileErrors);
    return { files: new Map(files.map((file) => [file.path.split('\\').join('/'), file.content])), pages };
  } finally {
    await pagefind.close();
  }
}

/** The bundle of `records`. */
export function searchBundle(records: readonly SearchRecord[]): Promise<Bundle> {
  return bundleOf(async (index) => {
    const added = await Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
    for (const result of added) check('addHTMLFile', result.errors);
    return records.length;
  });
}

/**
 * The bundle of the pages of a built site (those carrying `data-pagefind-body`): what a plain `astro
 * build` makes, and `npm run build` for a site too large to index beside Astro (see `site/limits.ts`).
 */
export function siteBundle(dist: string): Promise<Bundle> {
  return bundleOf(async (index) => {
    const added = await index.addDirectory({ path: dist });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${dist}`);
    return added.page_count;
  });
}

/**
 * Indexes the pages of a built site straight into its `pagefind/` folder (replacing what was there),
 * without taking the bundle through this process: for a site so large (100,000 papers: a 2 GB bundle)
 * that holding it here, and passing it between Pagefind and Node, would cost gigabytes of memory.
 * With `parts` > 1, the searchable pages (those with `data-pagefind-body`), in path order, are split
 * into that many runs of nearly equal size, each indexed by a Pagefind process of its own into its own
 * folder (`src/lib/search-parts.ts`) once the one before has ended, so Pagefind never holds more than a
 * part, and the first part's folder gets the list of the others (`PARTS_LIST`), which the search reads.
 * Part folders of an earlier build that this one does not make are removed. Returns the pages indexed.
 */
export async function indexSiteInPlace(dist: string, parts = 1): Promise<number> {
  const folders = searchPartFolders(parts);
  for (const entry of readdirSync(dist, { withFileTypes: true }))
    if (entry.isDirectory() && isSearchPartFolder(entry.name) && !folders.includes(entry.name))
      rmSync(join(dist, entry.name), { recursive: true, force: true });
  if (parts === 1) return writeIndex(join(dist, 'pagefind'), async (index) => (await index.addDirectory({ path: dist })).page_count);
  const pages = searchablePages(dist);
  if (pages.length < parts)
    throw new Error(`Pagefind: ${pages.length} searchable pages in ${dist}, fewer than the ${parts} parts asked for`);
  let indexed = 0;
  for (const [k, folder] of folders.entries()) {
    const share = pages.slice(Math.floor((k * pages.length) / parts), Math.floor(((k + 1) * pages.length) / parts));
    indexed += await writeIndex(join(dist, folder), async (index) => {
      for (let i = 0; i < share.length; i += FILES_AT_ONCE) {
        const added = await Promise.all(
          share
            .slice(i, i + FILES_AT_ONCE)
            .map((path) => index.addHTMLFile({ sourcePath: path, content: readFileSync(join(dist, path), 'utf8') })),
        );
        for (const result of added) check('addHTMLFile', result.errors);
      }
      return share.length;
    });
  }
  // Pages name this list, not the parts (see search-parts.ts); written once every part is in place.
  writeFileSync(join(dist, folders[0], PARTS_LIST), partsList(parts));
  return indexed;
}

/** Pages handed to Pagefind at once when indexing in parts: a few megabytes in flight. */
const FILES_AT_ONCE = 200;

/** Makes an index, lets `add` fill it (returning the pages added), and writes it to `dir` (replaced). */
async function writeIndex(dir: string, add: (index: PagefindIndex) => Promise<number>): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const pages = await add(index);
    if (pages === 0) throw new Error(`Pagefind found no pages to index for ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: dir });
    check('writeFiles', written.errors);
    return pages;
  } finally {
    // Ends Pagefind's process, and with it the memory of this index, before the next part starts.
    await pagefind.close();
  }
}

/** The HTML files below `dist` that mark what search reads (`data-pagefind-body`), outside the index folders, in path order. */
function searchablePages(dist: string): string[] {
  return filesBelow(dist, isSearchPartFolder)
    .filter((path) => path.endsWith('.html') && readFileSync(join(dist, path), 'utf8').includes('data-pagefind-body'))
    .sort();
}

/** Makes `dir` hold exactly `files`: writes those that differ, removes the others. */
export function placeBundle(files: ReadonlyMap<string, Uint8Array>, dir: string): { written: number; removed: number } {
  let written = 0;
  let removed = 0;
  for (const [path, content] of files) {
    const target = join(dir, path);
    if (existsSync(target) && Buffer.compare(readFileSync(target), content) === 0) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written++;
  }
  const present = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    : [];
  for (const path of present) {
    if (files.has(path)) continue;
    rmSync(join(dir, path));
    removed++;
  }
  return { written, removed };
}
