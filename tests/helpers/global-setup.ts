/**
 * Builds the seed site once per test run, exactly as `npm run build` does (ingest, then
 * `astro build` with the Pagefind integration), into `.test-dist/` so a developer's `dist/` is left
 * alone, and once more under a sub-path (`BASE_PATH`) into `.test-dist-sub/`. The site, search and
 * browser tests all read these builds.
 *
 * When the run is over, it removes what the tests added to the project's caches for the scratch sites
 * they built and deleted (see `removeCachesAddedSince`), keeping the seed's.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheEntries, removeCachesAddedSince } from '../../scripts/shared/fingerprint.ts';
import { NODE, ROOT, SUB_PATH, TEST_DIST, TEST_DIST_SUB } from './paths.ts';

function run(args: string[], extraEnv: Record<string, string> = {}) {
  const { ABSTRACTA_CONTENT: _content, BASE_PATH: _base, SITE_URL: _site, ...env } = process.env;
  const result = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export default function setup() {
  const caches = cacheEntries();
  const teardown = () => {
    removeCachesAddedSince(caches, [join(ROOT, 'content'), join(ROOT, 'dist'), TEST_DIST, TEST_DIST_SUB]);
  };
  if (process.env.ABSTRACTA_TEST_NO_BUILD) return teardown;
  const started = performance.now();
  rmSync(TEST_DIST, { recursive: true, force: true });
  rmSync(TEST_DIST_SUB, { recursive: true, force: true });
  run(['scripts/ingest.ts']);
  const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
  run([astro, 'build', '--outDir', TEST_DIST]);
  run([astro, 'build', '--outDir', TEST_DIST_SUB], { BASE_PATH: SUB_PATH });
  console.log(
    `global setup: built the seed site into .test-dist/ and, under ${SUB_PATH}, .test-dist-sub/ in ${Math.round(performance.now() - started)} ms`,
  );
  return teardown;
}
