/**
 * What `npm run ingest` does once it knows there is work (see `scripts/ingest.ts`, which finds that out
 * first and loads this module only then): read and check every input, build the papers folder in
 * memory, computing only what changed, and write it all or nothing.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { shown } from '../shared/errors.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { Memo } from '../shared/memo.ts';
import { createProgress, formatDuration, formatSteps } from '../shared/progress.ts';
import { LARGE_SITE_PAPERS } from '../site/limits.ts';
import { contentMemo, type ContentPaths } from './content-memo.ts';
import { readContent, reportErrors } from './inputs.ts';
import { keepNotes, keptNotes, orphanedEntries, releaseKeptNotes, withKeptNotes } from './kept-notes.ts';
import { mergePapers } from './merge.ts';
import { replaceEntries } from './papers-folder.ts';
import { papersFolder } from './pipeline.ts';
import { startPaperWork } from './threads/paper-work.ts';

/** What to ingest, as the command line asked. */
export interface IngestRequest {
  paths: ContentPaths;
  /** Digest files given to add (or, with `replace`, to replace same-named ones). */
  given: readonly string[];
  year?: number;
  lenient?: boolean;
  replace?: boolean;
  /** When the command started (`performance.now()`), for the time it reports. */
  started: number;
}

/**
 * Ingests `request`, printing what it did. `complete` says whether every input was taken in, so that
 * the next run may skip itself when nothing changes (a run that skipped entries reports them again).
 */
export function ingestContent({ paths, given, year, lenient = false, replace = false, started }: IngestRequest): {
  code: number;
  complete: boolean;
} {
  const progress = createProgress('ingest');
  // 1. The inputs: the digests folder, then the files given, which replace same-named ones.
  const extra = given.map((file) => resolve(file));
  // Each file given must be a regular file: say which is missing, and which exists but is not one.
  const unreadable = extra.flatMap((path) => {
    if (!existsSync(path)) return [`${shown(path)}: no such file`];
    const stat = statSync(path);
    if (stat.isDirectory())
      return [`${shown(path)}: a folder, not a digest file; give the files in it (or copy them into content/digests/)`];
    return stat.isFile() ? [] : [`${shown(path)}: not a regular file (a FIFO, a device or a socket); give a digest file`];
  });
  for (const line of unreadable) console.error(`ingest: ${line}`);
  if (unreadable.length) return { code: 2, complete: false };
  // A file given with the name of a digest already kept, but other content, would replace that digest
  // and remove its papers (and their entries): only when asked.
  const clashing = replace
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
  if (clashing.length) return { code: 1, complete: false };

  // 2. Parse and validate everything, collecting every problem before giving up. What is unchanged
  // since the last run (a digest file, an entry, a paper's text) is taken from the memo.
  const memo = contentMemo(paths);
  const reading = performance.now();
  const { digests, skipped, hidden, topics, resolved, previous, taxonomy, errors, existing } = progress.time('read', () =>
    readContent(paths, extra, {
      year,
      lenient,
      memo,
      onFile: (done, total, papers) =>
        progress.update({ label: 'reading digests', done, total, unit: 'files', papers, startedAt: reading }),
    }),
  );
  progress.clear();
  if (errors.length) return { code: reportErrors('ingest', errors, 'content/ was not changed'), complete: false };
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
  return { code: 0, complete: !skipped.length };
}
