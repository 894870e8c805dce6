/**
 * Node's module compile cache for this process, the worker threads it starts and the processes it
 * spawns: V8's compiled code and TypeScript with its types stripped, kept on disk by each module's
 * content, so a changed module is compiled afresh and an unchanged one is not compiled again. Loading
 * ingest's modules took 0.72 s of every run, 0.53 s with the cache; a forced ingest of the real corpus
 * with nothing changed took 2.09-2.76 s without it and 1.92-2.01 s with it (five alternating pairs).
 * Astro's own CLI enables the same cache, in the same default folder (`node-compile-cache` in the
 * system's temporary folder). Losing the folder costs one slower run; `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off.
 *
 * Preloaded by the npm scripts (`node --import`), since a module's own static imports are compiled
 * before any of its code runs; imported by `build.ts` too, so the processes it starts have it however
 * it was started.
 */
import { enableCompileCache } from 'node:module';

const { directory } = enableCompileCache();
// Threads and child processes read it from the environment as they start.
if (directory) process.env.NODE_COMPILE_CACHE ??= directory;

/** The `node` arguments that preload this module, as the npm scripts give them (run from the project's root). */
export const PRELOAD_COMPILE_CACHE = ['--import=./scripts/shared/compile-cache.ts'];
