/**
 * Writing the generated content all or nothing. The new `papers/` folder is staged beside the old one
 * (unchanged files hard-linked, so their bytes and mtimes survive), then swapped in with renames. If
 * nothing differs, nothing is touched at all. (The lock that keeps two ingests from interleaving is
 * `shared/lock.ts`.)
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: number;
}

/** The corpus map's point positions, generated beside the entries (see `map.ts`). */
export const MAP_FILE = '_map.json';

/** What ingest remembers between runs (the taxonomy it assigned topics with). */
export const STATE_FILE = '_ingest.json';

/** Where old paper URLs now lead (see `redirects.ts`). */
export const REDIRECTS_FILE = '_redirects.json';

/** Files ingest generates in the papers folder: the entries, the map, the redirects and its state. Anything else is the user's. */
export const isGenerated = (name: string) => name.endsWith('.mdx') || name === MAP_FILE || name === STATE_FILE || name === REDIRECTS_FILE;

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
export function replaceEntries(dir: string, files: ReadonlyMap<string, string>, current = readEntries(dir)): WriteResult {
  const result = diffEntries(current, files);
  if (!result.written.length && !result.removed.length) return result;
  const parent = join(dir, '..');
  const staging = join(parent, `.staging-${process.pid}-${basename(dir)}`);
  const old = `${staging}-old`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [index, [name, text]] of [...files].entries()) {
    if (current.get(name) === text) linkSync(join(dir, name), join(staging, name));
    else writeFileSync(join(staging, name), text);
    if (index === Math.floor(files.size / 2)) crashPoint('writing');
  }
  // Keep files that are not entries (a README, images beside notes) where the user put them.
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!isGenerated(name) && !existsSync(join(staging, name))) linkOrCopy(join(dir, name), join(staging, name));
    }
    renameSync(dir, old);
    crashPoint('between-renames');
  }
  renameSync(staging, dir);
  crashPoint('after-renames');
  rmSync(old, { recursive: true, force: true });
  return result;
}

/**
 * Fault injection for the crash tests: with `ABSTRACTA_CRASH_AT` set to this point's name, the process
 * is killed here (SIGKILL: no cleanup runs), as a power cut or an OOM kill would.
 */
function crashPoint(name: string): void {
  if (process.env.ABSTRACTA_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

function linkOrCopy(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    // Folders cannot be hard-linked: move them instead (the old folder is deleted right after).
    renameSync(from, to);
  }
}

/**
 * Puts back what an interrupted ingest left beside the papers folder `dir` (see `replaceEntries`), and
 * says what it did, a line each. A crash between the two renames leaves no `dir`, the complete old
 * folder as `.staging-<pid>-<name>-old` and the new one as `.staging-<pid>-<name>`, whose writing may not
 * have finished: the old folder, the last complete state with every note, is renamed back. Whatever else
 * is left is a partial or superseded copy of generated files and is removed; the only copy of anything
 * is never deleted.
 */
export function recoverStaging(dir: string): string[] {
  const parent = dirname(dir);
  if (!existsSync(parent)) return [];
  const name = basename(dir);
  const left = readdirSync(parent).filter((entry) => entry.startsWith('.staging-'));
  const messages: string[] = [];
  if (!existsSync(dir)) {
    // The newest old copy, if crashes left several.
    const old = left
      .filter((entry) => entry.endsWith(`-${name}-old`))
      .sort((a, b) => statSync(join(parent, b)).mtimeMs - statSync(join(parent, a)).mtimeMs)[0];
    if (old) {
      renameSync(join(parent, old), dir);
      messages.push(`restored ${name}/ from ${old}, the copy an interrupted ingest left`);
    }
  }
  for (const entry of left) {
    if (!existsSync(join(parent, entry))) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
    messages.push(`removed ${entry}, left by an interrupted ingest`);
  }
  return messages;
}
