import { describe, expect, it } from 'vitest';
import { paperKeys, savedEntry } from '../../../src/lib/reading-list-entry.ts';

describe('savedEntry', () => {
  it('keys a paper by its normalized title and its arXiv id', () => {
    expect(paperKeys({ title: 'GPT-4o: A Model!' })).toEqual(['t:gpt 4o a model']);
    expect(paperKeys({ title: 'X', arxiv: '2407.03418' })).toEqual(['t:x', 'a:2407.03418']);
  });

  it('carries what the list shows and the page’s citations', () => {
    const paper = {
      title: 'Tool-Augmented Reward Modeling',
      digests: [
        { source: 'a.txt', rank: 3 },
        { source: 'b.txt', date: '2024-03-14', rank: 1 },
      ],
    };
    expect(savedEntry(paper, '/papers/tool/', ['Alignment'], { bibtex: '@misc{x}', citation: 'C.' })).toEqual({
      keys: ['t:tool augmented reward modeling'],
      url: '/papers/tool/',
      title: 'Tool-Augmented Reward Modeling',
      topics: ['Alignment'],
      date: 'Mar 14, 2024',
      bibtex: '@misc{x}',
      citation: 'C.',
    });
  });
});
