/** Writing one file so that a reader never sees it half-written. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Writes `text` to `path` through a temporary file and a rename, unless it already holds exactly that. */
export function writeFileAtomic(path: string, data: Uint8Array): boolean {
  if (existsSync(path) && hash(readFileSync(path)) === hash(data)) return false;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
  return true;
}

const hash = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
