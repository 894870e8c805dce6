/** Splitting long lists into pages, and the orders the paper index offers. */
import type { Paper } from '../schemas.ts';
import { byTitle, newestFirst } from './feeds.ts';
import { cacheKey, listedFields } from './page-keys.ts';

/** Papers per page of the paper index: a page stays small however large the site grows. */
export const PAGE_SIZE = 50;

export type PaperOrder = 'newest' | 'title';

/**
 * Orders already computed, per list: every page of the index asks for the same order of the same
 * (memoised) list, and sorting it again per page made the index quadratic in the number of papers.
 */
const ordered = new WeakMap<readonly object[], Map<PaperOrder, readonly object[]>>();

/** Papers in the order the index shows them. The result is shared between callers: do not mutate it. */
export function orderPapers<T extends Pick<Paper, 'digests' | 'title'>>(papers: readonly T[], order: PaperOrder): readonly T[] {
  let orders = ordered.get(papers);
  if (!orders) ordered.set(papers, (orders = new Map()));
  let result = orders.get(order) as readonly T[] | undefined;
  if (!result) {
    result = order === 'newest' ? newestFirst(papers) : [...papers].sort((a, b) => byTitle.compare(a.title, b.title));
    orders.set(order, result);
  }
  return result;
}

/** Pages needed for `count` items (at least 1: an empty index is still a page). */
export function pageCount(count: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Page `n` (1-based) of `items`, with the number of pages. */
export function pageOf<T>(items: readonly T[], n: number, size = PAGE_SIZE): { items: T[]; pages: number } {
  return { items: items.slice((n - 1) * size, n * size), pages: pageCount(items.length, size) };
}

/**
 * `getStaticPaths` routes for pages 2.. of the index of `papers` in `order` (page 1 is the index
 * itself), each with its papers and a cache key covering what the page shows: the frame
 * (`layoutKey`), its papers and the number of pages (the pagination bar).
 */
export function laterPages(papers: readonly Paper[], order: PaperOrder, layoutKey: string) {
  const all = orderPapers(papers, order);
  const pages = pageCount(all.length);
  return Array.from({ length: pages - 1 }, (_, i) => {
    const page = i + 2;
    const { items } = pageOf(all, page);
    return {
      params: { page: String(page) },
      props: { page, items, pages },
      cacheKey: cacheKey(layoutKey, order, page, pages, listedFields(items)),
    };
  });
}

/**
 * The page numbers a pagination bar shows on page `n` of `pages`: the first, the last, and `radius`
 * either side of the current one, with `null` where numbers are left out. Listing every page made each
 * index page grow with the site (200 links at 10,000 papers); this keeps it constant, and every page
 * stays reachable through its neighbours.
 */
export function pageWindow(n: number, pages: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let i = 1; i <= pages; i++) {
    if (i === 1 || i === pages || Math.abs(i - n) <= radius) shown.push(i);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
