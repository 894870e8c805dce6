/**
 * Writing the generated content all or nothing. The new `papers/` folder is staged beside the old one
 * (unchanged files hard-linked, so their bytes and mtimes survive), then swapped in with renames. If
 * nothing differs, nothing is touched at all. A lock file keeps two ingests from interleaving.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: number;
}

/** The corpus map's point positions, generated beside the entries (see `map.ts`). */
export const MAP_FILE = '_map.json';

/** What ingest remembers between runs (the taxonomy it assigned topics with). */
export const STATE_FILE = '_ingest.json';

/** Files ingest generates in the papers folder: the entries, the map and its state. Anything else is the user's. */
export const isGenerated = (name: string) => name.endsWith('.mdx') || name === MAP_FILE || name === STATE_FILE;

/** Names and contents of the generated files in `dir` (empty if it does not exist). */
export function readEntries(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(dir)) return entries;
  for (const name of readdirSync(dir).sort()) {
    if (isGenerated(name)) entries.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return entries;
}

/** Which files of `next` differ from `current`, and which of `current` are gone. */
export function diffEntries(current: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): WriteResult {
  const written = [...next.keys()].filter((name) => current.get(name) !== next.get(name));
  const removed = [...current.keys()].filter((name) => !next.has(name));
  return { written, removed, unchanged: next.size - written.length };
}

/**
 * Makes `dir` hold exactly `files`, atomically from a reader's point of view: a crash leaves either
 * the old folder or the new one, plus a staging folder that the next run clears.
 */
export function replaceEntries(dir: string, files: ReadonlyMap<string, string>): WriteResult {
  const current = readEntries(dir);
  const result = diffEntries(current, files);
  if (!result.written.length && !result.removed.length) return result;
  const parent = join(dir, '..');
  const staging = join(parent, `.staging-${process.pid}-${basename(dir)}`);
  const old = `${staging}-old`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [name, text] of files) {
    if (current.get(name) === text) linkSync(join(dir, name), join(staging, name));
    else writeFileSync(join(staging, name), text);
  }
  // Keep files that are not entries (a README, images beside notes) where the user put them.
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!isGenerated(name) && !existsSync(join(staging, name))) linkOrCopy(join(dir, name), join(staging, name));
    }
    renameSync(dir, old);
  }
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
  return result;
}

function linkOrCopy(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    // Folders cannot be hard-linked: move them instead (the old folder is deleted right after).
    renameSync(from, to);
  }
}

/** Writes `text` to `path` through a temporary file and a rename, unless it already holds exactly that. */
export function writeFileAtomic(path: string, data: Uint8Array): boolean {
  if (existsSync(path) && hash(readFileSync(path)) === hash(data)) return false;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
  return true;
}

const hash = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Clears staging folders that a crashed ingest left in `parent`. */
export function clearStaleStaging(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (name.startsWith('.staging-')) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Takes the lock file `lockPath` (ingest's, by default). While another live process holds it, waits
 * up to `waitMs` (none by default) and then fails with a clear message naming `name`. A lock left by a
 * dead process is taken over; an empty one is being written by its taker and counts as held. Returns
 * the function that releases it.
 */
export function acquireLock(lockPath: string, { name = 'ingest', waitMs = 0 } = {}): () => void {
  const deadline = Date.now() + waitMs;
  for (let staleRemoved = 0; staleRemoved < 2;) {
    try {
      const fd = openSync(lockPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      try {
        text = readFileSync(lockPath, 'utf8');
      } catch (readError) {
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue; // Released meanwhile: try again.
        throw readError;
      }
      const holder = Number(text);
      if (text === '' || (Number.isInteger(holder) && holder > 0 && isAlive(holder))) {
        if (Date.now() >= deadline)
          throw new Error(
            `another ${name} (${text ? `process ${text}` : 'a process just starting'}) is running; wait for it, or delete ${lockPath} if it is not`,
          );
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      rmSync(lockPath, { force: true });
      staleRemoved++;
    }
  }
  throw new Error(`could not take the ${name} lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
