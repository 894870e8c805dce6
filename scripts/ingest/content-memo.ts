/**
 * Where a content folder's parts are, and the memo of its ingest work: all that the site's paper
 * loader needs from ingest, in a module of its own so that Astro's content config (loaded through
 * Vite, which transforms every TypeScript module it imports) does not load the whole ingest with it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFile, fingerprint } from '../shared/fingerprint.ts';
import { Memo } from '../shared/memo.ts';
import { moduleGraph } from '../shared/module-graph.ts';
import { LARGE_SITE_PAPERS } from '../site/limits.ts';

/** The folders and files of a content tree. */
export function contentPaths(root = process.env.ABSTRACTA_CONTENT || 'content') {
  const dir = resolve(root);
  return {
    dir,
    digests: join(dir, 'digests'),
    papers: join(dir, 'papers'),
    /** Notes of papers no digest lists any more (see `kept-notes.ts`). */
    notes: join(dir, 'notes'),
    topics: join(dir, 'topics.yaml'),
    resolved: join(dir, 'resolved.yaml'),
  };
}
export type ContentPaths = ReturnType<typeof contentPaths>;

const code = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let ingestCode: string[] | undefined;
/**
 * The code whose results ingest remembers or skips by: every project module it runs, found by following
 * imports from `scripts/ingest.ts`, its workers (started by URL, not imported) and the search records
 * (which fill the memo for entries ingest did not write), and the lock file for the packages.
 */
export function ingestCodeFiles(): string[] {
  return (ingestCode ??= [
    ...moduleGraph([
      code('../ingest.ts'),
      code('./threads/paper-worker.ts'),
      code('./threads/related-worker.ts'),
      code('../search/records.ts'),
    ]),
    code('../../package-lock.json'),
  ]);
}

/**
 * The memo of a content folder's ingest work (see `shared/memo.ts`), valid for this code only; none
 * for a site of more than `LARGE_SITE_PAPERS` papers (`papers`, by default those now in the folder).
 */
export function contentMemo(paths: ContentPaths, papers = existsSync(paths.papers) ? readdirSync(paths.papers).length : 0): Memo {
  if (papers > LARGE_SITE_PAPERS) return Memo.none();
  return Memo.open(cacheFile('ingest-memo', paths.dir), fingerprint({ sources: ingestCodeFiles() }));
}
