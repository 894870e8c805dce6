import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameParts, searchOnlyWords } from '../../../src/lib/search-words.ts';

/** nameParts as first written: every word split, without the test for a case change that skips most. */
function allWordsSplit(text: string): string[] {
  const parts = new Set<string>();
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const split = token
      .replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ')
      .replace(/(\p{Lu})(?=\p{Lu}\p{Ll}{2})/gu, '$1 ')
      .split(' ');
    if (split.length > 1) for (const part of split) if (part.length >= 2) parts.add(part);
  }
  return [...parts];
}

describe('search-only words', () => {
  it('splits camel-case names into their parts', () => {
    expect(nameParts('Open-FinLLMs and SearchOS-V1 beat ChatGPT with an LLMAgent')).toEqual([
      'Fin',
      'LLMs',
      'Search',
      'OS',
      'Chat',
      'GPT',
      'LLM',
      'Agent',
    ]);
    expect(nameParts('plain words, GPT-4o and BIG-bench')).toEqual([]);
  });

  it('skips only words that have no part to give', () => {
    // Letters of both cases, from scripts with case (Latin, Greek, Cyrillic), digits and separators.
    const letters = fc.constantFrom(...'aAbBzZlLmMéÉßσΣжЖ09 -_.'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(nameParts(text)).toEqual(allWordsSplit(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the hidden text of a paper: spaced-out unspaced scripts and name parts, or nothing', () => {
    expect(searchOnlyWords('BoxingGym', 'An abstract.', ['MusicLDM'])).toBe('Boxing Gym Music LDM');
    expect(searchOnlyWords('注意力机制', '', [])).toBe('注意力 机制');
    expect(searchOnlyWords('Plain title', 'plain abstract', ['keyword'])).toBeUndefined();
  });
});
