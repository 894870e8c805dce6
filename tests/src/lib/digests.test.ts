import { describe, expect, it } from 'vitest';
import { digestId, listDigests, papersByDigest, papersOfDigest } from '../../../src/lib/digests.ts';

const paper = (title: string, refs: [string, string | undefined, number][]) => ({
  title,
  digests: refs.map(([source, date, rank]) => ({ source, rank, ...(date ? { date } : {}) })),
});

describe('the digest archive', () => {
  const papers = [
    paper('A', [
      ['2026-07-01.json', '2026-07-01', 2],
      ['2026-07-02.json', '2026-07-02', 5],
    ]),
    paper('B', [['2026-07-02.json', '2026-07-02', 1]]),
    paper('C', [['trending-mar-14.txt', '03-14', 1]]),
    paper('D', [['2026-07-01.json', '2026-07-01', 1]]),
  ];

  it('lists every digest once, newest first, named by its date', () => {
    expect(listDigests(papers)).toEqual([
      { id: '2026-07-02', source: '2026-07-02.json', date: '2026-07-02', label: 'Jul 2, 2026' },
      { id: '2026-07-01', source: '2026-07-01.json', date: '2026-07-01', label: 'Jul 1, 2026' },
      { id: 'trending-mar-14', source: 'trending-mar-14.txt', date: '03-14', label: 'Mar 14' },
    ]);
  });

  it("keeps each digest's own order", () => {
    expect(papersOfDigest(papers, '2026-07-01.json').map((p) => p.title)).toEqual(['D', 'A']);
    expect(papersOfDigest(papers, '2026-07-02.json').map((p) => p.title)).toEqual(['B', 'A']);
    // All digests at once, the same lists.
    const all = papersByDigest(papers);
    for (const source of ['2026-07-01.json', '2026-07-02.json']) expect(all.get(source)).toEqual(papersOfDigest(papers, source));
  });

  it('makes URL segments from file names', () => {
    expect(digestId('Trending Mar 14.txt')).toBe('trending-mar-14');
    expect(digestId('../../x.json')).toBe('x');
    expect(digestId('…')).toBe('digest');
  });
});
