/**
 * Search under `npm run dev`. Built pages do not exist in the dev server, so the content itself is
 * indexed when the server starts (and again whenever `content/` changes), from the same records
 * `npm run build` indexes (see `scripts/search/records.ts`): the same text, weights, meta and filters
 * as the built pages. The index lives in memory and is served at `<base>pagefind/`, where the site's
 * search expects it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopicsFile } from '../../scripts/ingest/topics-file.ts';
import { searchBundle } from '../../scripts/search/bundle.ts';
import { contentRecords } from '../../scripts/search/records.ts';
import type { Topic } from '../schemas.ts';

export interface DevIndex {
  files: Map<string, Uint8Array>;
  records: number;
}

/** Builds the in-memory Pagefind bundle for the content folder `contentDir`. */
export async function buildDevIndex(contentDir: string): Promise<DevIndex> {
  const topicsFile = join(contentDir, 'topics.yaml');
  let topics: Topic[] = [];
  try {
    topics = existsSync(topicsFile) ? parseTopicsFile(readFileSync(topicsFile, 'utf8'), topicsFile) : [];
  } catch {
    // A taxonomy being edited may not parse for a moment: index the papers without topic titles.
  }
  const papersDir = join(contentDir, 'papers');
  const records = existsSync(papersDir) ? contentRecords(papersDir, topics) : [];
  return { files: (await searchBundle(records)).files, records: records.length };
}

/** The content type a browser needs for each Pagefind file. */
export function contentType(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.css')) return 'text/css';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
