/** Splitting long lists into pages, and the orders the paper index offers. */
import type { Paper } from '../schemas.ts';
import { newestFirst } from './feeds.ts';

/** Papers per page of the paper index: a page stays small however large the site grows. */
export const PAGE_SIZE = 50;

export type PaperOrder = 'newest' | 'title';

/** Papers in the order the index shows them. */
export function orderPapers<T extends Pick<Paper, 'digests' | 'title'>>(papers: readonly T[], order: PaperOrder): T[] {
  return order === 'newest'
    ? newestFirst(papers)
    : [...papers].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
}

/** Page `n` (1-based) of `items`, with the number of pages (at least 1). */
export function pageOf<T>(items: readonly T[], n: number, size = PAGE_SIZE): { items: T[]; pages: number } {
  return { items: items.slice((n - 1) * size, n * size), pages: Math.max(1, Math.ceil(items.length / size)) };
}
