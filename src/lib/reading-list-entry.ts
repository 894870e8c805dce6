/**
 * What a paper page hands the reading list (see `reading-list.ts`): the paper's keys, and the entry
 * the Save button stores, with the page's own BibTeX and plain citation. Runs at build time only.
 */
import { normalizeTitle } from '../../scripts/entries/text.ts';
import type { Paper } from '../schemas.ts';
import { formatDigestDate } from './dates.ts';
import type { SavedPaper } from './reading-list.ts';

/** A paper's reading-list keys: its normalized title, and its arXiv id when known. */
export function paperKeys(paper: Pick<Paper, 'title' | 'arxiv'>): string[] {
  return [`t:${normalizeTitle(paper.title)}`, ...(paper.arxiv ? [`a:${paper.arxiv}`] : [])];
}

/** The entry a paper page saves: `path` is its URL on the site, `bibtex` and `citation` as the page shows them. */
export function savedEntry(
  paper: Pick<Paper, 'title' | 'arxiv' | 'digests'>,
  path: string,
  topicTitles: readonly string[],
  cite: { bibtex: string; citation: string },
): Omit<SavedPaper, 'savedAt'> {
  const dated = paper.digests.find((d) => d.date);
  return {
    keys: paperKeys(paper),
    url: path,
    title: paper.title,
    topics: [...topicTitles],
    ...(dated ? { date: formatDigestDate(dated.date!) } : {}),
    ...cite,
  };
}
