/**
 * Fingerprints of a step's inputs, so a step whose inputs are unchanged since its last run can be
 * skipped (ingest, `astro build`). Source files are hashed by content; large trees of generated or
 * user files (content/, dist/) by name, size and modification time, which ingest keeps for files it
 * does not change (see `write.ts`). The last fingerprint of each step lives in
 * `node_modules/.astro/abstracta/`, never in content/ (committed) or dist/ (deployed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic-write.ts';
import { filesBelow } from './files-below.ts';

export interface FingerprintInputs {
  /** Files and folders hashed by content (source code, configuration). Missing ones count as missing. */
  sources?: readonly string[];
  /** Folders hashed by the name, size and mtime of every file in them. */
  trees?: readonly string[];
  /** Anything else the result depends on: options, environment variables. */
  values?: Readonly<Record<string, string | undefined>>;
}

/**
 * The project's own cache folder, wherever a command is run from. Inside Astro's cache folder
 * (`node_modules/.astro/`) on purpose: hosts that keep Astro's cache between builds (Cloudflare Pages,
 * and any CI told to keep that one folder) then keep ingest's memo and fingerprints too, and a daily
 * build there is incremental end to end.
 */
export const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.astro/abstracta/', import.meta.url));

/**
 * Astro's cache folder for a content folder given in `ABSTRACTA_CONTENT` (see astro.config.mjs): each
 * gets its own, so building one does not throw away the data store of another.
 */
export function astroCacheDir(content: string): string {
  return join('node_modules', '.astro', `content-${folderId(content).slice(0, 12)}`);
}

/** What names a folder's entries in the caches (the first 16 hex digits; Astro's folders the first 12). */
const folderId = (folder: string) => createHash('sha256').update(resolve(folder)).digest('hex');

/** Astro's cache folder, which holds {@link CACHE_DIR} and one folder per content folder. */
const ASTRO_CACHE_DIR = resolve(CACHE_DIR, '..');

/** Every file under `dir`, sorted, as paths relative to it; `''` for a file; none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [''];
  return filesBelow(dir).sort();
}

/** Every file of a folder, sorted, with its size and modification time: what a fingerprint keeps of a tree. */
export interface TreeListing {
  dir: string;
  files: { path: string; size: bigint; mtimeNs: bigint }[];
}

/**
 * Lists a tree once, for every use of it: `npm run build` needs dist/ in two fingerprints and in the
 * site's size, and walking 6,000 files took 0.15 s each time (real corpus), on the build's critical path.
 */
export function listTree(dir: string): TreeListing {
  return {
    dir: resolve(dir),
    files: filesUnder(dir).map((path) => {
      const { size, mtimeNs } = statSync(join(dir, path), { bigint: true });
      return { path, size, mtimeNs };
    }),
  };
}

/** The digest of a listed tree: names, sizes and modification times. */
export function treeDigest(listing: TreeListing): string {
  const hash = createHash('sha256');
  hash.update(`${listing.dir}\0${listing.files.length}\n`);
  for (const { path, size, mtimeNs } of listing.files) hash.update(`${path}\0${size}\0${mtimeNs}\n`);
  return hash.digest('hex');
}

/** A hex digest of everything in `inputs`; equal digests mean the step would do the same work. */
export function fingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  const field = (...parts: string[]) => hash.update(`${parts.join('\0')}\n`);
  for (const source of inputs.sources ?? []) {
    const files = filesUnder(source);
    field('source', resolve(source), String(files.length));
    for (const file of files) {
      field('file', file);
      // A file that cannot be read here (a dangling link, a name that is not UTF-8) still counts as a
      // change: ingest then runs and reports it by name.
      try {
        hash.update(readFileSync(join(source, file)));
      } catch (error) {
        field('unreadable', String((error as NodeJS.ErrnoException).code));
      }
    }
  }
  for (const tree of inputs.trees ?? []) field('tree', treeDigest(listTree(tree)));
  for (const [key, value] of Object.entries(inputs.values ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    field('value', key, value ?? '\u0000unset');
  }
  return hash.digest('hex');
}

/** A file (or, without `extension`, a folder) in the cache for `name` and `key` (an output or content folder). */
export function cacheFile(name: string, key: string, extension = '', cacheDir = CACHE_DIR): string {
  return join(cacheDir, `${name}-${folderId(key).slice(0, 16)}${extension && `.${extension}`}`);
}

/** Every entry of the project's caches (Astro's folder and {@link CACHE_DIR}), as paths. */
export function cacheEntries(dirs: readonly string[] = [ASTRO_CACHE_DIR, CACHE_DIR]): Set<string> {
  return new Set(dirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [])));
}

/**
 * Removes the entries added to the caches since `before` (from {@link cacheEntries}) that belong to a
 * content or output folder other than those in `keep`, and returns them. Tests and benchmarks build
 * sites in scratch folders they then delete, and each such folder had its own Astro cache, ingest memo
 * and fingerprints in the project's cache, never to be read again: 140 MB a test run, 190 MB a
 * benchmark at 10,000 papers. Entries that belong to no folder (Node's compile cache) stay.
 */
export function removeCachesAddedSince(
  before: ReadonlySet<string>,
  keep: readonly string[],
  dirs: readonly string[] = [ASTRO_CACHE_DIR, CACHE_DIR],
): string[] {
  const kept = new Set(keep.map(folderId).flatMap((id) => [id.slice(0, 16), id.slice(0, 12)]));
  const added = [...cacheEntries(dirs)].filter((path) => {
    const id = /-([0-9a-f]{16}|[0-9a-f]{12})(?:\.[a-z]+)?$/.exec(basename(path))?.[1];
    return !before.has(path) && id !== undefined && !kept.has(id);
  });
  for (const path of added) rmSync(path, { recursive: true, force: true });
  return added;
}

/** Where the last fingerprint of `step` for `key` (an output folder, a content folder) is kept. */
export function fingerprintFile(step: string, key: string, cacheDir = CACHE_DIR): string {
  return cacheFile(step, key, 'txt', cacheDir);
}

/** The fingerprint recorded at `file`, if any. */
export function lastFingerprint(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Records `value` as the fingerprint at `file`. */
export function recordFingerprint(file: string, value: string): void {
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileAtomic(file, Buffer.from(`${value}\n`));
}
