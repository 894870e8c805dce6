import { describe, expect, it } from 'vitest';
import { vocabulary, vocabularyFile, vocabularyWords } from '../../../src/lib/vocabulary.ts';

describe('vocabulary', () => {
  it('splits as search does: letters and digits, lowercased, 3 characters or more, not only digits', () => {
    expect(vocabularyWords('Open-FinLLMs: GPT-4o in 2024, a Ré-sumé')).toEqual(['open', 'finllms', 'gpt', 'sumé']);
  });

  it('lists title and keyword words by how many papers use them', () => {
    const papers = [
      { title: 'Reward models for graphs', keywords: ['reward model'] },
      { title: 'Graph neural networks', keywords: ['graph'] },
      { title: 'Video models', keywords: [] },
    ];
    // "models" is in two papers; every other word in one, alphabetically after it.
    expect(vocabulary(papers)).toEqual(['models', 'for', 'graph', 'graphs', 'model', 'networks', 'neural', 'reward', 'video']);
    expect(vocabularyFile(papers)).toBe('models\nfor\ngraph\ngraphs\nmodel\nnetworks\nneural\nreward\nvideo\n');
  });
});
