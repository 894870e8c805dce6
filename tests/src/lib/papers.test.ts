import { describe, expect, it } from 'vitest';
import { neighbours, orderTopics, papersOfTopic, readingMinutes, sortPapers, topicCounts } from '../../../src/lib/papers.ts';
import { relatedReason } from '../../../src/lib/related.ts';

const paper = (title: string, rank: number, topics: string[], date = '03-14', source = 'd.txt') => ({
  title,
  topics,
  digests: [{ source, date, rank }],
});

describe('paper ordering and grouping', () => {
  const papers = [paper('C', 3, ['x', 'y']), paper('A', 1, ['y']), paper('B', 2, ['x']), paper('D', 1, ['x'], '03-13', 'e.txt')];

  it('orders by digest date, then rank', () => {
    expect(sortPapers(papers).map((p) => p.title)).toEqual(['D', 'A', 'B', 'C']);
  });

  it('lists a topic’s primary papers before the secondary ones', () => {
    expect(papersOfTopic(papers, 'y').map((p) => p.title)).toEqual(['A', 'C']);
    expect(papersOfTopic(papers, 'x').map((p) => p.title)).toEqual(['D', 'B', 'C']);
  });

  it('counts papers per topic', () => {
    expect(Object.fromEntries(topicCounts(papers))).toEqual({ x: 3, y: 2 });
  });

  it('finds neighbours', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ prev: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ prev: 'b', next: undefined });
    expect(neighbours(['a'], -1)).toEqual({ prev: undefined, next: undefined });
  });

  it('orders topics by title with children after their parent', () => {
    const topics = [
      { id: 'b', title: 'Beta' },
      { id: 'a2', title: 'Zeta child', parent: 'a' },
      { id: 'a', title: 'Alpha' },
    ];
    expect(orderTopics(topics).map((t) => t.id)).toEqual(['a', 'a2', 'b']);
  });

  it('rounds reading time to at least a minute', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
  });
});

describe('relatedReason', () => {
  const title = (id: string) => id.toUpperCase();
  it.each([
    [['RLHF', 'reward model'], ['x'], ['reward model'], ['y'], 'Shared keywords: reward model'],
    [['a'], ['x', 'y'], ['b'], ['y'], 'Same topic: Y'],
    [['a'], ['x'], ['b'], ['y'], 'Similar wording'],
  ])('%j/%j vs %j/%j → %s', (k1, t1, k2, t2, reason) => {
    expect(relatedReason({ keywords: k1, topics: t1 }, { keywords: k2, topics: t2 }, title)).toBe(reason);
  });
});
