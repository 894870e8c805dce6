/** RSS items for papers: newest digest first, each linking to its page. */
import type { Paper } from '../schemas.ts';
import { sortableDate } from './dates.ts';

/** One collator for every title comparison: `localeCompare` with options builds one per call. */
export const byTitle = new Intl.Collator('en', { sensitivity: 'base' });

/** The date an item is dated by: its first digest with a full date, if any (yearless dates are not dates). */
export function paperDate(paper: Pick<Paper, 'digests'>): Date | undefined {
  const dated = paper.digests.find((d) => d.date && d.date.length === 10);
  return dated ? new Date(`${dated.date}T00:00:00Z`) : undefined;
}

/** Papers newest first (by their first digest's date, then rank), for feeds and "latest" lists. */
export function newestFirst<T extends Pick<Paper, 'digests' | 'title'>>(papers: readonly T[]): T[] {
  // Keys computed once per paper, not once per comparison; dates are ISO-shaped, so code-point order is
  // date order.
  const keyed = papers.map((paper) => ({ paper, date: sortableDate(paper.digests.at(-1)?.date) }));
  keyed.sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      a.paper.digests[0].rank - b.paper.digests[0].rank ||
      byTitle.compare(a.paper.title, b.paper.title),
  );
  return keyed.map(({ paper }) => paper);
}
