import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseCounter, phraseKey, stem, stemText, terms, tokenRuns, words } from '../../../scripts/analysis/terms.ts';

describe('words', () => {
  it('keeps hyphenated compounds whole and marks punctuation breaks with null', () => {
    expect(words('Fine-tuning text-to-image models. Done').map((w) => w?.text ?? null)).toEqual([
      'Fine-tuning',
      'text-to-image',
      'models',
      null,
      'Done',
    ]);
  });

  it('segments CJK text into words', () => {
    expect(words('注意力机制').length).toBeGreaterThan(1);
  });
});

describe('stems and phrase keys', () => {
  it.each([
    // [word, stem]: inflections meet; compounds stem part by part into a phrase key
    ['models', 'model'],
    ['modeling', 'model'],
    ['recommenders', 'recommend'],
    ['fine-tuning', 'fine tune'],
    ['fine-tuned', 'fine tune'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('writes a compound and the spaced phrase alike', () => {
    expect(phraseKey('influence-estimation')).toBe(phraseKey('influence estimation'));
    expect(phraseKey('Reward Models')).toBe(phraseKey('reward model'));
  });
});

describe('tokenRuns and terms', () => {
  it('breaks runs at stop words and punctuation', () => {
    const runs = tokenRuns('We propose a reward model for alignment. Preference data matters');
    expect(runs.map((run) => run.map((t) => t.stem))).toEqual([['reward', 'model'], ['align'], ['prefer', 'data', 'matter']]);
  });

  it('counts `model` and `data` only inside phrases with a content word', () => {
    const keys = terms('large language models and data').map((t) => t.key);
    expect(keys).toContain('languag model');
    expect(keys).toContain('larg languag model');
    expect(keys).not.toContain('model');
    expect(keys).not.toContain('data');
    expect(keys).not.toContain('larg');
  });

  it('shows phrases as written, hyphens included', () => {
    expect(terms('Diffusion-based Image Synthesis').map((t) => t.surface)).toContain('Diffusion-based Image Synthesis');
  });

  it('keeps words, bigrams and trigrams, never longer', () => {
    expect(Math.max(...terms('alpha beta gamma delta epsilon').map((t) => t.length))).toBe(3);
  });
});

/** What a phrase count means: ` key ` found in the stemmed text, each search going on from where the last match ended. */
function countBySearch(stemmed: string, key: string): number {
  const needle = ` ${key} `;
  let count = 0;
  for (let at = stemmed.indexOf(needle); at !== -1; at = stemmed.indexOf(needle, at + needle.length - 1)) count++;
  return count;
}

/** The stems of a phrase, as a compiled topic term holds them. */
const stems = (phrase: string) => phraseKey(phrase).split(' ');

describe('stemText and phraseCounter', () => {
  it('finds a phrase only where it stands whole, not across punctuation', () => {
    const count = phraseCounter(stemText('Reward models matter. Models of reward, reward modeling.'));
    expect(count(stems('reward model'))).toBe(2);
    expect(count(stems('matter models'))).toBe(0);
  });

  it('matches stop words inside a phrase', () => {
    expect(phraseCounter(stemText('a mixture of experts model'))(stems('mixture of experts'))).toBe(1);
  });

  it('counts occurrences that do not overlap, from the left', () => {
    const count = phraseCounter(stemText('data data data data data'));
    expect(count(stems('data data'))).toBe(2);
    expect(count(stems('data'))).toBe(5);
    expect(count(stems('data data data'))).toBe(1);
  });

  it('counts exactly what a search of the stemmed text finds, for any text and phrase', () => {
    // Few words, so phrases repeat and overlap (`data data` in `data data data`).
    const word = fc.constantFrom('data', 'data', 'model', 'models', 'of', 'fine-tuning', 'tuning', 'fine', '3D');
    const sep = fc.constantFrom(' ', ' ', ', ', '. ', ' - ', '-', ' | ', '\n');
    const text = fc.array(fc.tuple(word, sep), { maxLength: 30 }).map((parts) => parts.flat().join(''));
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, fc.array(phrase, { maxLength: 6 }), (input, phrases) => {
        const stemmed = stemText(input);
        const count = phraseCounter(stemmed);
        for (const key of phrases.map(phraseKey)) expect(count(key.split(' '))).toBe(countBySearch(stemmed, key));
      }),
      { numRuns: 500 },
    );
  });
});
