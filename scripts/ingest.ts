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
import { fingerprint, fingerprintFile, lastFingerprint, recordFingerprint } from './shared/fingerprint.ts';
import { contentMemo, contentPaths, ingestCodeFiles, type ContentPaths } from './ingest/content-memo.ts';
import { readContent, reportErrors, shown } from './ingest/inputs.ts';
import { mergePapers } from './ingest/merge.ts';
import { startPaperWork } from './ingest/threads/paper-work.ts';
import { papersFolder } from './ingest/pipeline.ts';
import { Memo } from './shared/memo.ts';
import { LARGE_SITE_PAPERS } from './site/limits.ts';
import { createProgress, formatDuration, formatSteps } from './shared/progress.ts';
import { recoverStaging, replaceEntries } from './ingest/papers-folder.ts';
import { keepNotes, keptNotes, orphanedEntries, releaseKeptNotes, withKeptNotes } from './ingest/kept-notes.ts';
import { writeFileAtomic } from './shared/atomic-write.ts';
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
    return await ingestLocked(options, last);
  } finally {
    release();
  }

  async function ingestLocked(options: Record<string, string | undefined>, last: string): Promise<number> {
    const progress = createProgress('ingest');
    // 1. The inputs: the digests folder, then the files given, which replace same-named ones.
    const extra = positionals.map((file) => resolve(file));
    // Each file given must be a regular file: say which is missing, and which exists but is not one.
    const unreadable = extra.flatMap((path) => {
      if (!existsSync(path)) return [`${shown(path)}: no such file`];
      const stat = statSync(path);
      if (stat.isDirectory())
        return [`${shown(path)}: a folder, not a digest file; give the files in it (or copy them into content/digests/)`];
      return stat.isFile() ? [] : [`${shown(path)}: not a regular file (a FIFO, a device or a socket); give a digest file`];
    });
    for (const line of unreadable) console.error(`ingest: ${line}`);
    if (unreadable.length) return 2;
    // A file given with the name of a digest already kept, but other content, would replace that digest
    // and remove its papers (and their entries): only when asked.
    const clashing = values.replace
      ? []
      : extra.filter((path) => {
          const kept = join(paths.digests, basename(path));
          if (kept === path || !existsSync(kept)) return false;
          return statSync(kept).size !== statSync(path).size || !readFileSync(kept).equals(readFileSync(path));
        });
    for (const path of clashing)
      console.error(
        `ingest: ${shown(path)}: content/digests/${basename(path)} already exists with other content; adding this file would replace that digest and remove its papers. Rename the file to keep both, or run again with --replace to replace it. content/ was not changed`,
      );
    if (clashing.length) return 1;

    // 2. Parse and validate everything, collecting every problem before giving up. What is unchanged
    // since the last run (a digest file, an entry, a paper's text) is taken from the memo.
    const memo = contentMemo(paths);
    const reading = performance.now();
    const { digests, skipped, hidden, topics, resolved, previous, taxonomy, errors, existing } = progress.time('read', () =>
      readContent(paths, extra, {
        year,
        lenient: values.lenient,
        memo,
        onFile: (done, total, papers) =>
          progress.update({ label: 'reading digests', done, total, unit: 'files', papers, startedAt: reading }),
      }),
    );
    progress.clear();
    if (errors.length) return reportErrors('ingest', errors, 'content/ was not changed');
    for (const path of hidden)
      console.warn(`ingest: ${shown(path)}: not read (a name starting with a dot is hidden); rename the file to ingest it`);
    for (const warning of skipped) console.warn(`warning: ${warning.message} (skipped)`);
    if (skipped.length) console.warn(`ingest: --lenient: ${skipped.length} entr${skipped.length === 1 ? 'y' : 'ies'} or files skipped`);

    // 3. Build every entry in memory, computing only what changed, then 4. write them all or nothing.
    const papers = progress.time('merge', () => mergePapers(digests, resolved));
    // A site too large to keep a memo of (see site/limits.ts) computes everything, as it would with none.
    const work = papers.length > LARGE_SITE_PAPERS ? Memo.none() : memo;
    // Per-paper work the memo lacks (all of it, the first time) is shared with the other cores meanwhile.
    startPaperWork(papers, topics, work);
    // Notes kept from papers that had left come back with them.
    const returning = withKeptNotes(previous.owned, keptNotes(paths.notes));
    const files = papersFolder(papers, topics, {
      previous: { ...previous, owned: returning.owned },
      taxonomy,
      time: progress.time,
      memo: work,
    });
    // Notes of papers leaving now are saved before the folder is replaced: a crash leaves two copies, never none.
    const kept = keepNotes(paths.notes, orphanedEntries(existing, files));
    mkdirSync(paths.digests, { recursive: true });
    // Files given are copied in, except those --lenient skipped whole: they would fail the next run.
    const parsed = new Set(digests.map((digest) => digest.source));
    for (const path of extra) {
      if (parsed.has(basename(path)) && resolve(paths.digests, basename(path)) !== path)
        writeFileAtomic(join(paths.digests, basename(path)), readFileSync(path));
    }
    const result = progress.time('write', () => replaceEntries(paths.papers, files, existing));
    const released = releaseKeptNotes(paths.notes, returning.used, files);
    progress.time('remember', () => work.save());
    progress.clear();
    const count = papers.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `ingest: ${count} papers from ${digests.length} digest${digests.length === 1 ? '' : 's'} → ${shown(paths.papers)} ` +
        `(files: ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged} unchanged) ` +
        `in ${formatDuration(seconds * 1000)}, ${Math.round(count / seconds)} papers/s (${formatSteps(progress.steps)})`,
    );
    if (kept.length)
      console.log(
        `ingest: no digest lists ${kept.length === 1 ? 'a paper' : `${kept.length} papers`} with your notes any more; the notes are kept in ${kept.map((path) => shown(path)).join(', ')} and come back if the paper does`,
      );
    for (const slug of released)
      console.log(`ingest: the notes kept in ${shown(join(paths.notes, `${slug}.md`))} are back in the paper's entry`);
    // Skipped entries (--lenient) are reported again on the next run rather than skipped silently.
    if (!skipped.length) recordFingerprint(last, inputsFingerprint(paths, options));
    return 0;
  }
}

process.exitCode = await main();
