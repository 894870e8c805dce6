import { describe, expect, it } from 'vitest';
import { newestFirst, paperDate } from '../../src/lib/feeds.ts';
import { orderPapers, pageOf } from '../../src/lib/paginate.ts';

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

  it('dates feed items only by full dates', () => {
    expect(paperDate(paper('x', '2024-03-14'))?.toISOString()).toBe('2024-03-14T00:00:00.000Z');
    expect(paperDate(paper('x', '03-14'))).toBeUndefined();
  });
});
