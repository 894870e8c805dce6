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
 * Returns the pages indexed.
 */
export async function indexSiteInPlace(dist: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: dist });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${dist}`);
    rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    check('writeFiles', written.errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
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
