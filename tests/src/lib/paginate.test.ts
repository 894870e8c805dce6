import { describe, expect, it } from 'vitest';
import { newestFirst, paperDate } from '../../../src/lib/feeds.ts';
import { laterPages, orderPapers, pageOf, pageWindow } from '../../../src/lib/paginate.ts';
import type { Paper } from '../../../src/schemas.ts';

const paper = (title: string, date: string | undefined, rank = 1) => ({
  title,
  digests: [{ source: 'd', rank, ...(date ? { date } : {}) }],
});

describe('paper index', () => {
  const papers = [paper('beta', '2024-03-14', 2), paper('Alpha', '2024-03-15'), paper('gamma', '2024-03-14', 1), paper('delta', undefined)];

  it('orders newest first, then by rank', () => {
    expect(newestFirst(papers).map((p) => p.title)).toEqual(['Alpha', 'gamma', 'beta', 'delta']);
  });

  it('orders by title, ignoring case', () => {
    expect(orderPapers(papers, 'title').map((p) => p.title)).toEqual(['Alpha', 'beta', 'delta', 'gamma']);
  });

  it('splits into pages, always at least one', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], pages: 3 });
    expect(pageOf([], 1, 2)).toEqual({ items: [], pages: 1 });
  });

  it('routes pages 2.., each with its papers and a key that changes only with what the page shows', () => {
    const many = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({
        ...paper(`p${String(i + from).padStart(4, '0')}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`),
        slug: `p${i + from}`,
        summary: 's',
        topics: ['t'],
      })) as unknown as Paper[];
    expect(laterPages(many(0), 'title', 'k')).toEqual([]);
    expect(laterPages(many(50), 'title', 'k')).toEqual([]);
    const routes = laterPages(many(101), 'title', 'k');
    expect(routes.map((r) => r.params.page)).toEqual(['2', '3']);
    expect(routes.map((r) => r.props.items.length)).toEqual([50, 1]);
    expect(routes[1].props.items[0].title).toBe('p0100');
    // A paper added at the end of the A-Z order leaves page 2 as it was; page 3 changes.
    const grown = laterPages([...many(101), ...many(1, 101)], 'title', 'k');
    expect(grown[0].cacheKey).toBe(routes[0].cacheKey);
    expect(grown[1].cacheKey).not.toBe(routes[1].cacheKey);
    // The frame (topics, merged search) is part of every key.
    expect(laterPages(many(101), 'title', 'other')[0].cacheKey).not.toBe(routes[0].cacheKey);
  });

  it('dates feed items only by full dates', () => {
    expect(paperDate(paper('x', '2024-03-14'))?.toISOString()).toBe('2024-03-14T00:00:00.000Z');
    expect(paperDate(paper('x', '03-14'))).toBeUndefined();
  });

  it('sorts a list once per order and leaves the input alone', () => {
    const input = [...papers];
    const first = orderPapers(input, 'title');
    expect(orderPapers(input, 'title')).toBe(first);
    expect(orderPapers(input, 'newest')).not.toBe(first);
    expect(input.map((p) => p.title)).toEqual(papers.map((p) => p.title));
  });

  it('shows first, last and neighbours in the pagination bar, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(10, 200)).toEqual([1, null, 8, 9, 10, 11, 12, null, 200]);
    expect(pageWindow(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageWindow(200, 200)).toEqual([1, null, 198, 199, 200]);
  });

  it('keeps the bar the same size at any page count, and every page reachable from the first', () => {
    for (const pages of [7, 200, 2000]) {
      expect(pageWindow(Math.ceil(pages / 2), pages).length).toBeLessThanOrEqual(9);
      const seen = new Set([1]);
      const queue = [1];
      while (queue.length) for (const n of pageWindow(queue.shift()!, pages)) if (n !== null && !seen.has(n)) (seen.add(n), queue.push(n));
      expect(seen.size).toBe(pages);
    }
  });
});
