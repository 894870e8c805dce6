/**
 * `npm run build [-- --force] [astro build options, e.g. --outDir dist]`
 *
 * Ingest, then the site: `astro build` and, at the same time on the other core, the search index from
 * the same content (see `search/records.ts`), placed into the site when both are done. Astro is started
 * with ingest and waits in its config until ingest is done (see `site/after-ingest.ts`), so its own
 * start costs no time. Printing each step's time and one summary line. Every step does only what changed:
 * - ingest skips itself when its inputs are as its last run left them, and otherwise computes only
 *   what changed (see `ingest.ts`);
 * - the site is not rebuilt at all when the content, the site's code and configuration, the
 *   deployment variables and the output folder are as the last build left them;
 * - otherwise Astro re-renders only the pages whose cache key or code changed (its incremental
 *   build), in place when the output folder is exactly what the last build of this content left;
 * - Pagefind has no incremental index, so the index is rebuilt, but off the critical path, and only
 *   its changed files are written.
 * `--force` runs everything from scratch.
 */
// First: ingest, started below, inherits the compile cache from the environment this sets.
import './shared/compile-cache.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentMemo, contentPaths } from './ingest/content-memo.ts';
import { hostWarnings, siteSize, siteUrlWarning } from './site/hosts.ts';
import { AFTER_INGEST, BUILD_PID } from './site/after-ingest.ts';
import { estimateStore, LARGE_SITE_PAPERS, searchParts } from './site/limits.ts';
import { CACHE_DIR, fingerprint, fingerprintFile, lastFingerprint, listTree, recordFingerprint, treeDigest } from './shared/fingerprint.ts';
import { acquireLock } from './shared/lock.ts';
import { formatDuration } from './shared/progress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The heap ingest may use (as `npm run ingest` gives it): a ceiling, not a reservation. */
const INGEST_HEAP = '--max-old-space-size=8192';

const started = performance.now();
const { values, tokens } = parseArgs({
  strict: false,
  tokens: true,
  options: { force: { type: 'boolean' }, outDir: { type: 'string' } },
});
// Everything but --force goes on to astro build (which gets its own --force when ours is given).
const astroArgs = tokens.flatMap((token) => {
  if (token.kind === 'option' && token.name === 'force') return [];
  if (token.kind === 'option')
    return token.inlineValue ? [token.rawName + '=' + token.value] : [token.rawName, ...(token.value ? [token.value] : [])];
  return token.kind === 'positional' ? [token.value] : [];
});
const outDir = resolve(typeof values.outDir === 'string' ? values.outDir : join(ROOT, 'dist'));

// One build of this project at a time: two Astro builds share its cache and prerender folders, and the
// second failed with a missing-module stack trace. A second build now stops at once and says why.
try {
  mkdirSync(join(ROOT, '.astro'), { recursive: true });
  const release = acquireLock(join(ROOT, '.astro', 'build.lock'), { name: 'build' });
  process.on('exit', release);
} catch (error) {
  console.error(`build: ${(error as Error).message}; nothing was built`);
  process.exit(1);
}

// Node's compile cache (see shared/compile-cache.ts, imported first above) is in the environment ingest
// inherits. Astro is not given it: the modules it runs are ones it has just written under new hashed
// names, its content store among them (16 MB of compiled code at 2,829 papers, 390 MB at 100,000), so
// every build that changed anything grew the cache by that much, never to be read again, and a host's
// saved cache with it. Astro was no faster with it (daily updates of the real corpus, alternating:
// 12.9 s with it, 13.0 s without, medians of five; forced builds of 10,000 papers: 36.3 s and 36.4 s
// with it, 36.3 s without; Astro's own start is beside ingest).
// Where builds before that kept the cache of both; it only grew.
rmSync(join(CACHE_DIR, 'compile-cache'), { recursive: true, force: true });

/** A project script running with this Node: `done` resolves when it succeeds; a failure stops the build. */
interface Step {
  done: Promise<void>;
  /** Stops it without a word (a speculative Astro that is not needed after all). */
  cancel: () => void;
}

/** Starts a project script with this Node, output passed through; exits the build if it fails. */
function start(args: string[], env: Record<string, string | undefined> = {}): Step {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  let cancelled = false;
  // Whatever ends this build (a failed step, bad input, a refusal) ends its children with it.
  const stop = () => child.kill('SIGKILL');
  process.on('exit', stop);
  const done = new Promise<void>((resolve) => {
    child.on('close', (status, signal) => {
      process.off('exit', stop);
      if (cancelled) return;
      if (status === 0) return resolve();
      console.error(`build: ${args.find((arg) => !arg.startsWith('--'))} failed (exit ${status ?? signal}); stopped`);
      process.exit(status || 1);
    });
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      stop();
    },
  };
}

const steps: string[] = [];
/** Milliseconds per step, written as JSON to `ABSTRACTA_BUILD_REPORT` when set (for `npm run bench`). */
const report: Record<string, number> = {};

const urlWarning = siteUrlWarning();
if (urlWarning) console.warn(`build: warning: ${urlWarning}`);

const paths = contentPaths();
const settings = {
  SITE_URL: process.env.SITE_URL,
  BASE_PATH: process.env.BASE_PATH,
  SEARCH_MERGE: process.env.SEARCH_MERGE,
  // The thresholds of a large site (site/limits.ts): with the content, they decide the search index's parts.
  ABSTRACTA_LARGE_SITE_PAPERS: process.env.ABSTRACTA_LARGE_SITE_PAPERS,
  ABSTRACTA_SEARCH_PART_PAGES: process.env.ABSTRACTA_SEARCH_PART_PAGES,
  args: astroArgs.join('\0'),
};
/** The digest of the site's code and configuration (read while ingest runs, which never writes them). */
const siteSources = () =>
  fingerprint({
    sources: [
      'src',
      'public',
      'scripts/entries',
      'scripts/ingest',
      'scripts/search',
      'scripts/shared',
      'scripts/site',
      'astro.config.mjs',
      'tsconfig.json',
      'package-lock.json',
    ].map((path) => join(ROOT, path)),
  });
/** Everything the site is made from: its code, settings, content and output folder (each given as a digest). */
const siteInputs = (sources: string, content: string, dist: string) => fingerprint({ values: { ...settings, sources, content, dist } });
const last = fingerprintFile('site', outDir);
// The output folder as the last build of this content with these settings left it: only then may
// Astro build in place, reusing its pages where they stand (see src/integrations/keep-dist.ts).
const distState = (dist: string) => fingerprint({ values: { ...settings, content: paths.dir, dist } });
const lastDist = fingerprintFile('dist', outDir);

const work = mkdtempSync(join(tmpdir(), 'abstracta-build-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const timings = join(work, 'timings.jsonl');
const astroCommand = [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArgs, ...(values.force ? ['--force'] : [])];
const papersBefore = existsSync(paths.papers) ? readdirSync(paths.papers).filter((name) => name.endsWith('.mdx')).length : 0;

// 1. Ingest: digests into content/papers (skips itself when nothing changed). Started before anything
// else here, since every later step waits for it: loading the search index's modules and listing the
// output folder had delayed it by 0.5-0.7 s (CPU profile of a daily update of the real corpus).
// Ingest holds the whole corpus in memory: 100,000 papers need about 5 GB, past Node's default heap.
const ingestStarted = performance.now();
const ingest = start([INGEST_HEAP, 'scripts/ingest.ts', ...(values.force ? ['--force'] : [])]);

// While ingest runs, what the later steps need of things ingest does not touch: the site's code and
// the output folder, listed once for the fingerprints and whether Astro may build in place.
const sources = siteSources();
const distBefore = treeDigest(listTree(outDir));
const keepDist = !values.force && existsSync(outDir) && lastFingerprint(lastDist) === distState(distBefore);
/** What Astro is told through its environment, for a search index in `parts`. */
const astroEnv = (parts: number): Record<string, string | undefined> => ({
  // No compile cache for Astro (see above), even one the user named.
  NODE_COMPILE_CACHE: undefined,
  ABSTRACTA_TIMINGS: timings,
  ABSTRACTA_SEARCH_INDEX: 'external',
  ...(keepDist ? { ABSTRACTA_KEEP_DIST: '1' } : {}),
  ABSTRACTA_SEARCH_PARTS: String(parts),
});

// Astro starts now, beside ingest, and its config waits until ingest is done (see
// site/after-ingest.ts): Astro's own start, loading its modules, then overlaps ingest. Not for a large
// site, whose ingest needs the memory and whose search index comes in parts.
const ingestDone = join(work, 'ingest-done');
const early =
  papersBefore <= LARGE_SITE_PAPERS
    ? start(astroCommand, { ...astroEnv(1), [AFTER_INGEST]: ingestDone, [BUILD_PID]: String(process.pid) })
    : undefined;
// The search index's modules (the records load Astro's Markdown pipeline: 0.5 s), loaded meanwhile.
const indexModules = Promise.all([import('./search/bundle.ts'), import('./search/records.ts'), import('./ingest/topics-file.ts')]);
// Not left unhandled if the site turns out unchanged and they are never awaited.
indexModules.catch(() => {});

await ingest.done;
report.ingest = performance.now() - ingestStarted;
steps.push(`ingest ${formatDuration(report.ingest)}`);
const content = treeDigest(listTree(paths.dir));

// 2. The site, unless everything it is made from is as the last build left it.
if (!values.force && existsSync(join(outDir, 'index.html')) && lastFingerprint(last) === siteInputs(sources, content, distBefore)) {
  early?.cancel();
  steps.push('site unchanged, not rebuilt');
  console.log(`build: nothing changed since the last build of ${outDir}; kept it`);
} else {
  // One site has a ceiling (see site/limits.ts): stop before Astro spends minutes reaching it.
  const store = estimateStore(paths.papers);
  if (store.verdict === 'refuse') {
    console.error(`build: ${store.message}`);
    process.exit(1);
  }
  if (store.message) console.warn(`build: warning: ${store.message}`);
  // The search index is made from the content while Astro renders the pages from it; on a site so
  // large that the two at once would need more memory than either alone (see site/limits.ts), from
  // the built pages once Astro is done.
  const alongside = store.papers <= LARGE_SITE_PAPERS;
  // A large site's index is made in parts (see site/limits.ts); the pages need to know how many.
  const indexParts = searchParts(store.papers);
  const astroStarted = performance.now();
  let astroDone: Promise<void>;
  if (early && alongside) {
    // The Astro started beside ingest was told one part, which is what a site of this size has.
    writeFileSync(ingestDone, '');
    astroDone = early.done;
  } else {
    early?.cancel();
    astroDone = start(astroCommand, astroEnv(indexParts)).done;
  }
  // Places the index in the site and says what it did.
  const makeIndex = async (): Promise<{ records: number; ms: number; placed: string }> => {
    const indexStarted = performance.now();
    const [{ indexSiteInPlace, placeBundle, searchBundle }, { contentRecords }, { parseTopicsFile }] = await indexModules;
    if (!alongside) {
      const pages = await indexSiteInPlace(outDir, indexParts);
      const placed = indexParts === 1 ? 'written in place' : `written in place in ${indexParts} parts`;
      return { records: pages, ms: performance.now() - indexStarted, placed };
    }
    const topics = parseTopicsFile(readFileSync(paths.topics, 'utf8'), paths.topics);
    const memo = contentMemo(paths);
    const records = contentRecords(paths.papers, topics, memo);
    memo.save();
    const { files } = await searchBundle(records);
    const ms = performance.now() - indexStarted;
    await astroDone;
    const { written, removed } = placeBundle(files, join(outDir, 'pagefind'));
    return { records: records.length, ms, placed: `${written} files written, ${removed} removed` };
  };
  const indexing = alongside ? makeIndex() : undefined;
  await astroDone;
  const astroMs = performance.now() - astroStarted;
  const index = await (indexing ?? makeIndex());
  console.log(
    `build: search index of ${index.records} pages made in ${formatDuration(index.ms)} ${alongside ? 'beside' : 'after'} Astro; ${index.placed}`,
  );
  const parts = existsSync(timings)
    ? readFileSync(timings, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { step: string; ms: number })
    : [];
  const detail = parts
    .map((part) => `${part.step === 'after pages' ? 'sitemap and the rest' : part.step} ${formatDuration(part.ms)}`)
    .join(', ');
  steps.push(
    `astro ${formatDuration(astroMs)} (${detail}${keepDist ? ', in place' : ''}${early && alongside ? ', started beside ingest' : ''})`,
    `search index ${formatDuration(index.ms)} ${alongside ? 'alongside' : 'after'}`,
  );
  report.astro = astroMs;
  report.pagefind = index.ms;
  for (const part of parts) report[part.step] = part.ms;
  const distAfter = listTree(outDir);
  const distDigest = treeDigest(distAfter);
  recordFingerprint(last, siteInputs(sources, content, distDigest));
  recordFingerprint(lastDist, distState(distDigest));
  for (const warning of hostWarnings(siteSize(distAfter))) console.warn(`build: warning: ${warning}; see "Host limits" in docs/deploy.md`);
}

report.total = performance.now() - started;
console.log(`build: ${steps.join(' · ')} · ${formatDuration(report.total)} in all`);
if (process.env.ABSTRACTA_BUILD_REPORT) writeFileSync(process.env.ABSTRACTA_BUILD_REPORT, JSON.stringify(report));
