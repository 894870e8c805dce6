/**
 * `npm run ingest [-- [--year YYYY] [file ...]]`
 *
 * Turns every digest in `content/digests/` (plus any files given, which are validated first and then
 * copied there) into one MDX entry per paper in `content/papers/`. All input is checked before
 * anything is written; on any problem it prints `file:line: message` for each, exits 1 and leaves
 * `content/` exactly as it was.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fingerprint, fingerprintFile, lastFingerprint, recordFingerprint } from './shared/fingerprint.ts';
import { contentPaths, ingestCodeFiles, type ContentPaths } from './ingest/content-memo.ts';
import { shown } from './shared/errors.ts';
import { formatDuration } from './shared/progress.ts';
import { recoverStaging } from './ingest/papers-folder.ts';
import { acquireLock } from './shared/lock.ts';

/** What an ingest's result depends on: its code, the content folder, and the options. */
function inputsFingerprint(paths: ContentPaths, options: Record<string, string | undefined>): string {
  return fingerprint({
    sources: [...ingestCodeFiles(), paths.digests, paths.topics, paths.resolved],
    trees: [paths.papers],
    values: options,
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      lenient: { type: 'boolean' },
      force: { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run ingest -- [--year YYYY] [--lenient] [--force] [--replace] [digest files to add...]');
    console.log('  --lenient  skip bad entries and files, with a warning for each, instead of refusing them all');
    console.log('  --force    ingest even if nothing changed since the last run');
    console.log('  --replace  let a file given replace a different digest of the same name in content/digests/');
    return 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) {
    console.error(`ingest: --year must be a four-digit year, not "${values.year}"`);
    return 2;
  }
  const paths = contentPaths();

  // One ingest at a time, from reading to writing: a second one started meanwhile stops at once
  // rather than write entries computed from what the first is replacing.
  let release = () => {};
  try {
    if (existsSync(paths.dir)) release = acquireLock(join(paths.dir, '.ingest.lock'));
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}; content/ was not changed`);
    return 1;
  }
  try {
    // A run that was interrupted while replacing the papers folder is put right first, before anything
    // is read from it (notes included), and says so.
    for (const message of recoverStaging(paths.papers)) console.warn(`ingest: ${message}`);

    // Nothing to do when the digests, topics, entries, options and this code are as the last run left
    // them: a rebuild with no new content skips straight to the site build.
    const options = { year: values.year, lenient: String(Boolean(values.lenient)) };
    const last = fingerprintFile('ingest', paths.dir);
    if (!values.force && !positionals.length && lastFingerprint(last) === inputsFingerprint(paths, options)) {
      console.log(
        `ingest: nothing changed since the last ingest of ${shown(paths.dir)}; skipped in ${formatDuration(performance.now() - started)}`,
      );
      return 0;
    }
    // The work itself is loaded only now: its modules (the MDX toolchain, the analysis, the formats'
    // parsers) took 0.5-0.7 s to load, most of a run that finds nothing changed, which is what every
    // `npm run build` without a new digest does.
    const { ingestContent } = await import('./ingest/run.ts');
    const { code, complete } = ingestContent({
      paths,
      given: positionals,
      year,
      lenient: values.lenient,
      replace: values.replace,
      started,
    });
    // Skipped entries (--lenient) are reported again on the next run rather than skipped silently.
    if (complete) recordFingerprint(last, inputsFingerprint(paths, options));
    return code;
  } finally {
    release();
  }
}

process.exitCode = await main();
