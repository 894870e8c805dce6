import { describe, expect, it } from 'vitest';
import { countWords, firstSentence, normalizeSpace, normalizeTitle } from '../../../scripts/entries/text.ts';

describe('text measures', () => {
  it('finds the first sentence and counts words, CJK included', () => {
    expect(firstSentence('  We study X. Then Y.')).toBe('We study X.');
    expect(countWords('Reward models, 2 of them.')).toBe(5);
    expect(countWords('注意力机制')).toBeGreaterThan(1);
    expect(normalizeSpace(' a \n b ')).toBe('a b');
  });

  it('normalizes titles for identity: width, case, punctuation and spacing ignored', () => {
    expect(normalizeTitle('ＳＡＭＥ — Title!')).toBe(normalizeTitle('same title'));
    expect(normalizeTitle('GPT-4o: a Model')).toBe('gpt 4o a model');
  });
});
