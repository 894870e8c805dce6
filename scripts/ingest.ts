/**
 * `npm run ingest [-- [--year YYYY] [file ...]]`
 *
 * Turns every digest in `content/digests/` (plus any files given, which are validated first and then
 * copied there) into one MDX entry per paper in `content/papers/`. All input is checked before
 * anything is written; on any problem it prints `file:line: message` for each, exits 1 and leaves
 * `content/` exactly as it was.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPaths, readContent, reportErrors, shown } from './lib/inputs.ts';
import { buildEntries } from './lib/pipeline.ts';
import { acquireLock, clearStaleStaging, replaceEntries, writeFileAtomic } from './lib/write.ts';

function main(): number {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: 'string' }, lenient: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: npm run ingest -- [--year YYYY] [--lenient] [digest files to add...]');
    console.log('  --lenient  skip bad entries and files, with a warning for each, instead of refusing them all');
    return 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) {
    console.error(`ingest: --year must be a four-digit year, not "${values.year}"`);
    return 2;
  }
  const paths = contentPaths();

  // 1. The inputs: the digests folder, then the files given, which replace same-named ones.
  const extra = positionals.map((file) => resolve(file));
  const missing = extra.find((path) => !existsSync(path) || !statSync(path).isFile());
  if (missing) {
    console.error(`ingest: ${shown(missing)}: no such file`);
    return 2;
  }

  // 2. Parse and validate everything, collecting every problem before giving up.
  const { digests, skipped, topics, previous, taxonomy, errors } = readContent(paths, extra, year, values.lenient);
  if (errors.length) return reportErrors('ingest', errors, 'content/ was not changed');
  for (const warning of skipped) console.warn(`warning: ${warning.message} (skipped)`);
  if (skipped.length) console.warn(`ingest: --lenient: ${skipped.length} entr${skipped.length === 1 ? 'y' : 'ies'} or files skipped`);

  // 3. Build every entry in memory, then 4. write them all or nothing.
  const files = buildEntries(digests, topics, previous, taxonomy);
  const release = acquireLock(join(paths.dir, '.ingest.lock'));
  try {
    clearStaleStaging(paths.dir);
    mkdirSync(paths.digests, { recursive: true });
    // Files given are copied in, except those --lenient skipped whole: they would fail the next run.
    const parsed = new Set(digests.map((digest) => digest.source));
    for (const path of extra) {
      if (parsed.has(basename(path)) && resolve(paths.digests, basename(path)) !== path)
        writeFileAtomic(join(paths.digests, basename(path)), readFileSync(path));
    }
    const result = replaceEntries(paths.papers, files);
    const papers = [...files.keys()].filter((name) => name.endsWith('.mdx')).length;
    console.log(
      `ingest: ${papers} papers from ${digests.length} digest${digests.length === 1 ? '' : 's'} → ${shown(paths.papers)} ` +
        `(files: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged} unchanged) in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    release();
  }
  return 0;
}

process.exitCode = main();
