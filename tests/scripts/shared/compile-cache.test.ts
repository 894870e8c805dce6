import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_CACHE_DIR, PRELOAD_COMPILE_CACHE } from '../../../scripts/shared/compile-cache.ts';
import { ROOT } from '../../helpers/paths.ts';

/** The environment of a process started with no compile cache of its own. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return { ...env, ...extra };
}

// Prints where this process, a worker thread it starts and a process it spawns keep compiled modules.
const REPORT = `
const { getCompileCacheDir } = require('node:module');
const { Worker } = require('node:worker_threads');
const { execFileSync } = require('node:child_process');
const child = execFileSync(process.execPath, ['-e', "process.stdout.write(String(require('node:module').getCompileCacheDir()))"], { encoding: 'utf8' });
new Worker("require('node:worker_threads').parentPort.postMessage(String(require('node:module').getCompileCacheDir()))", { eval: true })
  .once('message', (worker) => console.log(JSON.stringify({ main: String(getCompileCacheDir()), worker, child })));
`;

describe('the compile cache preload', () => {
  it('gives the process, its worker threads and its child processes one compile cache, with the caches hosts keep', () => {
    const run = spawnSync(process.execPath, [...PRELOAD_COMPILE_CACHE, '-e', REPORT], { cwd: ROOT, env: plainEnv(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const dirs = JSON.parse(run.stdout) as Record<string, string>;
    // Node keeps it in a folder per Node version inside the one given.
    expect(dirs.main.startsWith(join(COMPILE_CACHE_DIR, 'v'))).toBe(true);
    expect(dirs).toEqual({ main: dirs.main, worker: dirs.main, child: dirs.main });
    // Without it, none.
    const bare = spawnSync(process.execPath, ['-e', REPORT], { cwd: ROOT, env: plainEnv(), encoding: 'utf8' });
    expect(JSON.parse(bare.stdout)).toEqual({ main: 'undefined', worker: 'undefined', child: 'undefined' });
  });

  it('keeps compiled TypeScript where NODE_COMPILE_CACHE says, and nothing when disabled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'abstracta-compile-cache-'));
    try {
      const report = (env: Record<string, string>) =>
        JSON.parse(
          spawnSync(process.execPath, [...PRELOAD_COMPILE_CACHE, '-e', REPORT], { cwd: ROOT, env: plainEnv(env), encoding: 'utf8' }).stdout,
        );
      const ingestModules = (env: Record<string, string>) =>
        spawnSync(process.execPath, [...PRELOAD_COMPILE_CACHE, 'scripts/shared/module-graph.ts'], { cwd: ROOT, env: plainEnv(env) }).status;
      expect(report({ NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({
        main: 'undefined',
        worker: 'undefined',
        child: 'undefined',
      });
      expect(ingestModules({ NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' })).toBe(0);
      expect(readdirSync(dir)).toEqual([]);
      expect(report({ NODE_COMPILE_CACHE: dir }).main.startsWith(dir)).toBe(true);
      expect(ingestModules({ NODE_COMPILE_CACHE: dir })).toBe(0);
      expect(readdirSync(dir, { recursive: true }).length).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is preloaded by the npm scripts that build', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['build', 'ingest']) expect(scripts[name].split(' ')).toContain(PRELOAD_COMPILE_CACHE[0]);
  });
});
