/** A lock file that keeps two runs of a command (ingest, the tests' Astro builds) from interleaving. */
import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

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
