import { describe, expect, it } from 'vitest';
import { countPhrase, phraseKey, stem, stemText, terms, tokenRuns, words } from '../../../scripts/analysis/terms.ts';

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

describe('stemText and countPhrase', () => {
  it('finds a phrase only where it stands whole, not across punctuation', () => {
    const text = stemText('Reward models matter. Models of reward, reward modeling.');
    expect(countPhrase(text, phraseKey('reward model'))).toBe(2);
    expect(countPhrase(text, phraseKey('matter models'))).toBe(0);
  });

  it('matches stop words inside a phrase', () => {
    expect(countPhrase(stemText('a mixture of experts model'), phraseKey('mixture of experts'))).toBe(1);
  });
});
