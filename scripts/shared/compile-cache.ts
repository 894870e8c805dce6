/**
 * Node's compile cache for the project's own processes: `npm run build`'s script, ingest and their
 * worker threads. Ingest loads a few hundred modules on every run, `build.ts` the search index's; the
 * cache keeps their compiled code (V8's, and TypeScript with its types stripped) between runs, keyed by
 * each file's path, contents and the Node version, so a stale entry is never used. Loading ingest's
 * modules took 0.72 s without it and 0.53 s with it; a forced ingest of the real corpus with nothing
 * changed, run as `npm run ingest`, 2.09-2.76 s without it and 1.92-2.01 s with it (five alternating
 * pairs).
 *
 * It lives with the other caches that hosts keep (`node_modules/.astro/abstracta/`, see
 * docs/deploy.md), not in the system's temporary folder, Node's default, which a fresh build machine
 * starts without. `NODE_COMPILE_CACHE` names another folder; `NODE_DISABLE_COMPILE_CACHE=1` turns it
 * off. Astro is not given it (`build.ts` starts Astro without it): see there.
 *
 * Preloaded by the npm scripts (`node --import`), since a module's own static imports are compiled
 * before any of its code runs, and imported first by `build.ts`, so that ingest, which it starts, has
 * the cache however `build.ts` was started; threads and child processes take it from the environment.
 * (What this module imports is compiled before the cache is on: only the cache's location.)
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { CACHE_DIR } from './fingerprint.ts';

/** Where the project's processes keep their compiled modules, unless `NODE_COMPILE_CACHE` names a folder. */
export const COMPILE_CACHE_DIR = join(CACHE_DIR, 'ingest-compile-cache');

const { directory } = enableCompileCache(process.env.NODE_COMPILE_CACHE || COMPILE_CACHE_DIR);
if (directory) process.env.NODE_COMPILE_CACHE = directory;

/** The `node` arguments that preload this module, as the npm scripts give them (run from the project's root). */
export const PRELOAD_COMPILE_CACHE = ['--import=./scripts/shared/compile-cache.ts'];
