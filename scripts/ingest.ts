/**
 * `npm run ingest [-- [--year YYYY] [file ...]]`
 *
 * Turns every digest in `content/digests/` (plus any files given, which are validated first and then
 * copied there) into one MDX entry per paper in `content/papers/`. All input is checked before
 * anything is written; on any problem it prints `file:line: message` for each, exits 1 and leaves
 * `content/` exactly as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParsedDigest } from './lib/digest.ts';
import { InputError, InputErrors } from './lib/errors.ts';
import { parseInput } from './lib/parse.ts';
import { buildEntries } from './lib/pipeline.ts';
import { parseTopicsFile } from './lib/topics-file.ts';
import { acquireLock, clearStaleStaging, replaceEntries, writeFileAtomic } from './lib/write.ts';

/** Where content lives; `ABSTRACTA_CONTENT` points elsewhere (tests and benchmarks use it). */
const CONTENT_DIR = resolve(process.env.ABSTRACTA_CONTENT || 'content');
const DIGESTS_DIR = join(CONTENT_DIR, 'digests');
const PAPERS_DIR = join(CONTENT_DIR, 'papers');
const TOPICS_FILE = join(CONTENT_DIR, 'topics.yaml');

/** Paths shown in messages: relative to where the user ran the command. */
const shown = (path: string) => relative(process.cwd(), path) || path;

function main(): number {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: npm run ingest -- [--year YYYY] [digest files to add...]');
    return 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) {
    console.error(`ingest: --year must be a four-digit year, not "${values.year}"`);
    return 2;
  }

  // 1. Gather the inputs: the digests folder, then the files given, which replace same-named ones.
  const inputs = new Map<string, string>();
  if (existsSync(DIGESTS_DIR)) {
    for (const name of readdirSync(DIGESTS_DIR).sort()) {
      const path = join(DIGESTS_DIR, name);
      if (!name.startsWith('.') && statSync(path).isFile()) inputs.set(name, path);
    }
  }
  const added: string[] = [];
  for (const file of positionals) {
    const path = resolve(file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      console.error(`ingest: ${file}: no such file`);
      return 2;
    }
    inputs.set(basename(path), path);
    if (resolve(DIGESTS_DIR, basename(path)) !== path) added.push(path);
  }

  // 2. Parse and validate everything, collecting every problem before giving up.
  const errors: InputError[] = [];
  const digests: ParsedDigest[] = [];
  const collect = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof InputErrors) errors.push(...error.errors);
      else if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  };
  for (const path of inputs.values()) collect(() => digests.push(parseInput(readFileSync(path), shown(path), { year })));
  let topics: ReturnType<typeof parseTopicsFile> = [];
  if (!existsSync(TOPICS_FILE)) errors.push(new InputError(shown(TOPICS_FILE), 1, 'the topics file is missing'));
  else collect(() => (topics = parseTopicsFile(readFileSync(TOPICS_FILE, 'utf8'), shown(TOPICS_FILE))));
  if (!errors.length && !digests.length) errors.push(new InputError(shown(DIGESTS_DIR), 1, 'no digests to ingest; add a digest file here'));
  if (errors.length) {
    for (const error of errors) console.error(`error: ${error.message}`);
    console.error(`ingest: ${errors.length} problem${errors.length === 1 ? '' : 's'} found; content/ was not changed`);
    return 1;
  }

  // 3. Build every entry in memory, then 4. write them all or nothing.
  const files = buildEntries(digests, topics);
  const release = acquireLock(join(CONTENT_DIR, '.ingest.lock'));
  try {
    clearStaleStaging(CONTENT_DIR);
    mkdirSync(DIGESTS_DIR, { recursive: true });
    for (const path of added) writeFileAtomic(join(DIGESTS_DIR, basename(path)), readFileSync(path));
    const result = replaceEntries(PAPERS_DIR, files);
    const papers = files.size;
    console.log(
      `ingest: ${papers} papers from ${digests.length} digest${digests.length === 1 ? '' : 's'} → ${shown(PAPERS_DIR)} ` +
        `(${result.written.length} written, ${result.removed.length} removed, ${result.unchanged} unchanged) in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    release();
  }
  return 0;
}

process.exitCode = main();
