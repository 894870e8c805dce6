/**
 * Where the benchmark builds its sites, and when it deletes them: once, after everything is measured.
 *
 * Why not after each case: deleting thousands of files just before a measured build slowed that build
 * by seconds on the machine the benchmark runs on. Its ext4 has no journal, and without one ext4 will
 * not reuse an inode freed in the last minutes (`recently_deleted()` in fs/ext4/ialloc.c) and steps
 * over each such inode when it creates a file: 0.9 ms a file, measured with `strace -T` on a first
 * ingest of 2,846 papers right after its previous output was deleted (its write step took 2.3 s, and
 * 0.06 s with nothing deleted before it). Each case used to delete its site as it finished, so the next
 * case's first build paid for it. `npm run bench` now gives every case one scratch folder (through
 * {@link SCRATCH_ENV}) and deletes that folder when the run is over.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheEntries, removeCachesAddedSince } from '../shared/fingerprint.ts';

/** The project's folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment variable naming the scratch folder of the current `npm run bench` run. */
export const SCRATCH_ENV = 'ABSTRACTA_BENCH_SCRATCH';

const scratch = () => process.env[SCRATCH_ENV];

/** A new empty folder for one case's site: in the run's scratch folder, or the system's temporary one. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(scratch() ?? tmpdir(), prefix));
}

/**
 * Done with `path`: inside a bench run it is left for the run to delete at its end (moved into the
 * scratch folder when it lies elsewhere, such as an Astro cache); run alone, it is deleted now.
 */
export function discard(path: string): void {
  const folder = scratch();
  if (!folder) return rmSync(path, { recursive: true, force: true });
  const inside = relative(folder, path);
  if (!inside.startsWith('..') && inside !== path) return;
  mkdirSync(join(folder, 'discarded'), { recursive: true });
  try {
    renameSync(path, join(mkdtempSync(join(folder, 'discarded', `${basename(path)}-`)), basename(path)));
  } catch (error) {
    // Not there (nothing to do), or on another file system (deleted now after all).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Runs `measure` with a scratch folder every child process it starts uses, and deletes the folder after.
 * With `forgetCaches`, for a whole benchmark run whose sites are all scratch, it also removes what they
 * added to the project's caches (see `removeCachesAddedSince`); not for anything shorter that other
 * builds may overlap, whose caches would go too.
 */
export function withScratch<T>(measure: () => T, { forgetCaches = false } = {}): T {
  const folder = mkdtempSync(join(tmpdir(), 'abstracta-bench-run-'));
  const before = process.env[SCRATCH_ENV];
  const caches = forgetCaches ? cacheEntries() : undefined;
  process.env[SCRATCH_ENV] = folder;
  try {
    return measure();
  } finally {
    if (before === undefined) delete process.env[SCRATCH_ENV];
    else process.env[SCRATCH_ENV] = before;
    rmSync(folder, { recursive: true, force: true });
    if (caches) removeCachesAddedSince(caches, [join(ROOT, 'content'), join(ROOT, 'dist')]);
  }
}
