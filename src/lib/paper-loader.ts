/**
 * The content loader for paper entries: Astro's `glob()` for `*.mdx`, except that a body holding only
 * what ingest writes (escaped text and links, see `inertHtml`) is rendered to HTML here, once, and kept
 * beside Astro's data store (see `abstract-files.ts`), instead of being compiled as an MDX module on
 * every build.
 *
 * Why: compiling MDX is most of the time of a large build (31 s of 65 s at 10,000 papers), Astro does
 * not cache compiled MDX between builds, and it does cache loader output keyed by a digest of the file.
 * An entry whose body needs MDX (a component or an expression written by hand, or notes below the
 * marker) is handed to `@astrojs/mdx` exactly as `glob()` would do it, so MDX stays fully available
 * where a person wrote it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { inertHtml } from '../../scripts/entries/mdx.ts';
import { contentMemo, contentPaths } from '../../scripts/ingest/content-memo.ts';
import { SEARCH_ENTRIES, type SearchEntry } from '../../scripts/search/search-entry.ts';
import { abstractFolder, hasAbstract, keepAbstract, pruneAbstracts, splitEntry } from './abstract-files.ts';
import { memoKey } from '../../scripts/shared/memo.ts';

/**
 * Part of every entry's digest: bump it when `inertHtml` changes its output, so cached HTML from an
 * older renderer is not reused.
 */
const RENDERER_VERSION = 'inert-html-5';

/** Files read at once: enough to keep the disk busy without opening 100,000 files together. */
const READ_BATCH = 256;

export function paperLoader(dir: string): Loader {
  return {
    name: 'abstracta-papers',
    async load(context) {
      const { config, store, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const folder = resolve(root, dir);
      const abstracts = abstractFolder(config.cacheDir);
      // Ingest rendered every abstract it wrote while checking it (see `renderAbstract`); its memo
      // hands that HTML over, so an entry ingest wrote is not parsed again here.
      const fromIngest = renderedByIngest(resolve(folder, '..'));
      const untouched = new Set(store.keys());
      const names = (await readdir(folder)).filter((name) => name.endsWith('.mdx')).sort();
      let rendered = 0;
      let compiled = 0;
      for (let i = 0; i < names.length; i += READ_BATCH) {
        const batch = names.slice(i, i + READ_BATCH);
        const results = await Promise.all(batch.map((name) => syncEntry(context, root, abstracts, join(folder, name), fromIngest)));
        for (const [index, result] of results.entries()) {
          untouched.delete(idOf(batch[index]));
          if (result === 'html') rendered++;
          if (result === 'mdx') compiled++;
        }
      }
      for (const id of untouched) store.delete(id);
      // Files of entries changed or deleted since are of no further use.
      pruneAbstracts(
        abstracts,
        new Set(store.values().flatMap((entry) => (entry.deferredRender || !entry.digest ? [] : [String(entry.digest)]))),
      );
      if (rendered || compiled)
        logger.info(`${rendered} entries rendered to HTML, ${compiled} left to MDX, ${names.length - rendered - compiled} cached`);

      // `astro dev`: follow edits and re-ingests like glob() does.
      if (!watcher) return;
      watcher.add(folder);
      const inFolder = (path: string) => path.startsWith(folder + sep) && path.endsWith('.mdx');
      const sync = async (path: string) => {
        if (!inFolder(path)) return;
        await syncEntry(context, root, abstracts, path);
      };
      watcher.on('add', sync);
      watcher.on('change', sync);
      watcher.on('unlink', (path) => {
        if (inFolder(path)) store.delete(idOf(basename(path)));
      });
    },
  };
}

/** Entry ids are file names without `.mdx`, which ingest makes the paper's slug. */
const idOf = (name: string) => name.slice(0, -'.mdx'.length);

/** The abstract HTML and text ingest recorded for an entry file's text, when it did. */
type Rendered = (contents: string) => { html: string; text: string } | undefined;

function renderedByIngest(contentDir: string): Rendered {
  const memo = contentMemo(contentPaths(contentDir));
  return (contents) => memo.peek<SearchEntry>(SEARCH_ENTRIES, memoKey(contents));
}

/** Loads one file into the store unless its digest is unchanged; says how its body will render. */
async function syncEntry(
  context: LoaderContext,
  root: string,
  abstracts: string,
  path: string,
  rendered: Rendered = () => undefined,
): Promise<'cached' | 'html' | 'mdx'> {
  const { store, generateDigest, parseData } = context;
  const id = idOf(basename(path));
  const contents = await readFile(path, 'utf8');
  const digest = generateDigest(`${RENDERER_VERSION}\n${contents}`);
  const filePath = relative(root, path).split(sep).join('/');
  const existing = store.get(id);
  // An entry whose abstract file went missing (its cache folder cleared in part) is loaded again.
  if (
    existing &&
    existing.digest === digest &&
    existing.filePath === filePath &&
    (existing.deferredRender || hasAbstract(abstracts, digest))
  ) {
    // A cached entry compiled as MDX must still be imported, or its module is left out of the build.
    if (existing.deferredRender) store.addModuleImport(filePath);
    return 'cached';
  }
  // An entry left to MDX keeps this body.
  const { frontmatter: data, body } = splitEntry(contents);
  const parsed = await parseData({ id, data, filePath: path });
  const html = rendered(contents) ?? inertHtml(body);
  if (html) {
    // Neither `body` nor the HTML in the store (see abstract-files.ts): the page finds the abstract
    // by the digest, and an entry without a body is one the page renders from that file.
    keepAbstract(abstracts, digest, html);
    store.set({ id, data: parsed, filePath, digest });
    return 'html';
  }
  store.set({ id, data: parsed, body, filePath, digest, deferredRender: true });
  return 'mdx';
}
