import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHaveParts, nameParts, searchOnlyWords, splitName } from '../../../src/lib/search-words.ts';

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
    // Letters of both cases, from scripts with case (Latin, Greek, Cyrillic), and digits.
    const letters = fc.constantFrom(...'aAbBzZlLmMéÉßσΣжЖ09'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 12 }), (chars) => {
        const word = chars.join('');
        if (splitName(word).length > 1) expect(mayHaveParts(word), word).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the hidden text of a paper: spaced-out unspaced scripts and name parts, or nothing', () => {
    expect(searchOnlyWords('BoxingGym', 'An abstract.', ['MusicLDM'])).toBe('Boxing Gym Music LDM');
    expect(searchOnlyWords('注意力机制', '', [])).toBe('注意力 机制');
    expect(searchOnlyWords('Plain title', 'plain abstract', ['keyword'])).toBeUndefined();
  });
});
