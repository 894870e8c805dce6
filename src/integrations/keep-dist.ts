/**
 * Incremental builds without copying: with `experimental.incrementalBuild`, Astro reuses a page whose
 * cache key and code are unchanged, and takes it from the output folder if it is there, else from its
 * cache. Emptying `dist/` first (Astro's default) means copying every reused page back, which on a
 * large site costs seconds of disk time for nothing. So `npm run build` keeps `dist/` when it can prove
 * the folder is exactly what the last build of the same content and settings left (see
 * `scripts/build.ts`, which sets `ABSTRACTA_KEEP_DIST=1`), and this integration then removes what the
 * build did not produce: pages that are gone, assets of older code. A plain `astro build` empties the
 * folder as usual and never reaches the pruning.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../../scripts/shared/files-below.ts';
import { isSearchPartFolder } from '../lib/search-parts.ts';

/** Whether this build keeps the output folder (set by `npm run build` only). */
export const KEEP_DIST = process.env.ABSTRACTA_KEEP_DIST === '1';

/**
 * The files under `outDir` this build did not produce: not written since `startedMs`, not a page or
 * endpoint of this build (reused pages keep their old times), not a copy of a file in `publicDir`,
 * and outside `keep` (folders another step writes, such as the search index).
 */
export function staleFiles(
  outDir: string,
  startedMs: number,
  produced: ReadonlySet<string>,
  publicDir: string,
  keep: (folder: string) => boolean,
): string[] {
  const fromPublic = new Set(filesBelow(publicDir));
  // Folders another step owns are not even walked (the search index holds a file per page).
  return filesBelow(outDir, keep).filter(
    (file) => !produced.has(file) && !fromPublic.has(file) && statSync(join(outDir, file)).mtimeMs < startedMs,
  );
}

/** Removes empty folders below `dir` (not `dir` itself). */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}

export default function keepDistIntegration(): AstroIntegration {
  let startedMs = Date.now();
  let publicDir = '';
  return {
    name: 'abstracta:keep-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro empties the output folder unless told not to; only `npm run build` may keep it.
        if (KEEP_DIST) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        startedMs = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (!KEEP_DIST) return;
        const outDir = fileURLToPath(dir);
        const produced = new Set([...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/')));
        const stale = staleFiles(outDir, startedMs, produced, publicDir, isSearchPartFolder);
        for (const file of stale) rmSync(join(outDir, file), { force: true });
        removeEmptyFolders(outDir);
        if (stale.length) logger.info(`removed ${stale.length} file(s) this build no longer produces`);
      },
    },
  };
}
