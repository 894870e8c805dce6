/**
 * What ingest hands the search index and the site's paper loader for each entry it writes, in a
 * module of its own: the loader runs inside Astro's content config, where every module imported is
 * transformed by Vite, and it needs this and not the code that makes the records.
 */
import type { Paper } from '../../src/schemas.ts';

/** What the search record of a paper needs from its entry. */
export interface SearchEntry {
  paper: Pick<Paper, 'slug' | 'title' | 'authors' | 'digests' | 'topics' | 'keywords'>;
  /** The abstract (and any notes) as HTML, and as plain text. */
  html: string;
  text: string;
}

/** The memo space ingest fills as it writes entries: entry file text → its {@link SearchEntry}. */
export const SEARCH_ENTRIES = 'search-entries';
