/** Temporary content folders for ingest tests, and a fingerprint to prove a folder did not change. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NODE, ROOT } from './paths.ts';

/** A fresh copy of the project's `content/` (digests, topics and generated papers) in a temp folder. */
export function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-content-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** Every file below `dir` with its bytes and mtime: equal fingerprints mean nothing was touched. */
export function fingerprint(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else result[relative(dir, path)] = `${stat.mtimeMs}:${readFileSync(path).toString('base64')}`;
    }
  };
  walk(dir);
  return result;
}

/** Runs `npm run ingest -- ...args` against `contentDir`, with the project's Node. */
export function ingest(contentDir: string, args: string[] = []) {
  const result = spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ABSTRACTA_CONTENT: contentDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
