/**
 * Builds the seed site once per test run, exactly as `npm run build` does (ingest, then
 * `astro build` with the Pagefind integration), into `.test-dist/` so a developer's `dist/` is left
 * alone. The site, search and browser tests all read this one build.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NODE, ROOT, TEST_DIST } from './paths.ts';

function run(args: string[]) {
  const { ABSTRACTA_CONTENT: _ignored, ...env } = process.env;
  const result = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export default function setup() {
  if (process.env.ABSTRACTA_TEST_NO_BUILD) return;
  const started = performance.now();
  rmSync(TEST_DIST, { recursive: true, force: true });
  run(['scripts/ingest.ts']);
  run([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', TEST_DIST]);
  console.log(`global setup: built the seed site into .test-dist/ in ${Math.round(performance.now() - started)} ms`);
}
