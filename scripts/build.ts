/**
 * `npm run build [-- --force] [astro build options, e.g. --outDir dist]`
 *
 * Ingest, then `astro build` (Pagefind runs at its end), printing each step's time and one summary
 * line. Each step is skipped when its inputs are as its last run left them: ingest checks its own
 * (see `ingest.ts`); the site is rebuilt only if the content folder, the site's code and
 * configuration, the deployment variables or the output folder itself changed. `--force` runs both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fingerprint, fingerprintFile, lastFingerprint, recordFingerprint } from './shared/fingerprint.ts';
import { contentPaths } from './ingest/inputs.ts';
import { formatDuration } from './shared/progress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { values, tokens } = parseArgs({
  strict: false,
  tokens: true,
  options: { force: { type: 'boolean' }, outDir: { type: 'string' } },
});
// Everything but --force goes on to astro build.
const astroArgs = tokens.flatMap((token) => {
  if (token.kind === 'option' && token.name === 'force') return [];
  if (token.kind === 'option')
    return token.inlineValue ? [token.rawName + '=' + token.value] : [token.rawName, ...(token.value ? [token.value] : [])];
  return token.kind === 'positional' ? [token.value] : [];
});
const outDir = resolve(typeof values.outDir === 'string' ? values.outDir : join(ROOT, 'dist'));

/** Runs a project script with this Node, output passed through; exits on failure. */
function run(args: string[], env: Record<string, string> = {}): number {
  const stepStarted = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`build: ${args[0]} failed (exit ${result.status ?? result.signal}); stopped`);
    process.exit(result.status || 1);
  }
  return performance.now() - stepStarted;
}

const steps: string[] = [];
/** Milliseconds per step, written as JSON to `ABSTRACTA_BUILD_REPORT` when set (for `npm run bench`). */
const report: Record<string, number> = {};

// 1. Ingest: digests into content/papers (skips itself when nothing changed).
report.ingest = run(['scripts/ingest.ts', ...(values.force ? ['--force'] : [])]);
steps.push(`ingest ${formatDuration(report.ingest)}`);

// 2. The site, unless everything it is made from is as the last build left it.
const paths = contentPaths();
const siteInputs = () =>
  fingerprint({
    sources: [
      'src',
      'public',
      'scripts/entries',
      'scripts/ingest',
      'scripts/analysis',
      'scripts/shared',
      'astro.config.mjs',
      'tsconfig.json',
      'package-lock.json',
    ].map((path) => join(ROOT, path)),
    trees: [paths.dir, outDir],
    values: {
      SITE_URL: process.env.SITE_URL,
      BASE_PATH: process.env.BASE_PATH,
      SEARCH_MERGE: process.env.SEARCH_MERGE,
      args: astroArgs.join('\0'),
    },
  });
const last = fingerprintFile('site', outDir);
if (!values.force && existsSync(join(outDir, 'index.html')) && lastFingerprint(last) === siteInputs()) {
  steps.push('site unchanged, not rebuilt');
  console.log(`build: nothing changed since the last build of ${outDir}; kept it`);
} else {
  const timings = join(mkdtempSync(join(tmpdir(), 'abstracta-timings-')), 'timings.jsonl');
  try {
    const astro = run([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArgs], { ABSTRACTA_TIMINGS: timings });
    const parts = existsSync(timings)
      ? readFileSync(timings, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { step: string; ms: number })
      : [];
    // "after pages" includes Pagefind; show Pagefind on its own.
    const pagefind = parts.find((part) => part.step === 'pagefind')?.ms ?? 0;
    const shown = parts
      .filter((part) => part.step !== 'pagefind')
      .map((part) => (part.step === 'after pages' ? { step: 'sitemap and the rest', ms: part.ms - pagefind } : part));
    const detail = [...shown.slice(0, 2), { step: 'pagefind', ms: pagefind }, ...shown.slice(2)]
      .map((part) => `${part.step} ${formatDuration(part.ms)}`)
      .join(', ');
    steps.push(`astro ${formatDuration(astro)} (${detail})`);
    report.astro = astro;
    for (const part of parts) report[part.step] = part.ms;
    recordFingerprint(last, siteInputs());
  } finally {
    rmSync(resolve(timings, '..'), { recursive: true, force: true });
  }
}

report.total = performance.now() - started;
console.log(`build: ${steps.join(' · ')} · ${formatDuration(report.total)} in all`);
if (process.env.ABSTRACTA_BUILD_REPORT) writeFileSync(process.env.ABSTRACTA_BUILD_REPORT, JSON.stringify(report));
