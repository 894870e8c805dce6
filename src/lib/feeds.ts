/** RSS items for papers: newest digest first, each linking to its page. */
import type { Paper } from '../schemas.ts';
import { sortableDate } from './dates.ts';

/** The date an item is dated by: its first digest with a full date, if any (yearless dates are not dates). */
export function paperDate(paper: Pick<Paper, 'digests'>): Date | undefined {
  const dated = paper.digests.find((d) => d.date && d.date.length === 10);
  return dated ? new Date(`${dated.date}T00:00:00Z`) : undefined;
}

/** Papers newest first (by their first digest's date, then rank), for feeds and "latest" lists. */
export function newestFirst<T extends Pick<Paper, 'digests' | 'title'>>(papers: readonly T[]): T[] {
  const key = (p: T) => sortableDate(p.digests.at(-1)?.date);
  return [...papers].sort(
    (a, b) => key(b).localeCompare(key(a)) || a.digests[0].rank - b.digests[0].rank || a.title.localeCompare(b.title),
  );
}
