import { describe, expect, it } from 'vitest';
import { nameParts, searchOnlyWords } from '../../../src/lib/search-words.ts';

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

  it('gives the hidden text of a paper: spaced-out unspaced scripts and name parts, or nothing', () => {
    expect(searchOnlyWords('BoxingGym', 'An abstract.', ['MusicLDM'])).toBe('Boxing Gym Music LDM');
    expect(searchOnlyWords('注意力机制', '', [])).toBe('注意力 机制');
    expect(searchOnlyWords('Plain title', 'plain abstract', ['keyword'])).toBeUndefined();
  });
});
