import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEYWORD_COUNT,
  keywordsFor,
  keywordsOf as keywordsOfAll,
  pickDistinct,
  SHORTLIST,
  surfaceOf,
} from '../../../scripts/analysis/keywords.ts';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { buildCorpus } from '../../../scripts/analysis/vectors.ts';
import { ROOT } from '../../helpers/paths.ts';

const seed = mergePapers([parseInput(readFileSync(join(ROOT, 'content/digests/trending-mar-14.txt')), 'seed.txt')]);
const corpus = buildCorpus(seed);
const keywordsOf = (title: string) =>
  keywordsFor(
    corpus,
    seed.findIndex((p) => p.title.startsWith(title)),
  );

describe('keywordsFor on the seed', () => {
  it('gives every paper 5 to 8 key phrases', () => {
    for (let i = 0; i < seed.length; i++) {
      const keywords = keywordsFor(corpus, i);
      expect(keywords.length).toBeGreaterThanOrEqual(5);
      expect(keywords.length).toBeLessThanOrEqual(8);
      expect(new Set(keywords.map((k) => k.toLowerCase())).size).toBe(keywords.length);
    }
  });

  it.each([
    // [paper, phrases a reader would expect among its keywords]
    ['Tool-Augmented Reward Modeling', ['Themis', 'external tools']],
    ['Adapting and Evaluating Influence-Estimation', ['gradient-boosted decision trees', 'GBDT']],
    ['Multi-Track MusicLDM', ['music generation']],
    ['Physics-based Noise Modeling', ['noise model']],
  ])('%s', (title, expected) => {
    const keywords = keywordsOf(title).map((k) => k.toLowerCase());
    for (const phrase of expected) expect(keywords.some((k) => k.includes(phrase.toLowerCase()))).toBe(true);
  });
});

describe('keywordsOf', () => {
  it('gives the keywords a sort of every candidate gives, whatever the length of its short list', () => {
    const real = mergePapers([parseInput(readFileSync(join(ROOT, 'tests/fixtures/hf-daily-papers/sample-2026-06.json')), 'sample.json')]);
    for (const papers of [seed, [...seed, ...real]]) {
      const all = papers.map((_, i) => i);
      const full = keywordsOfAll(buildCorpus(papers), all, KEYWORD_COUNT, Infinity);
      expect(full.every((keywords) => keywords.length > 0)).toBe(true);
      // A short list of one never holds enough keywords: every paper takes the full sort.
      for (const size of [1, 3, SHORTLIST]) expect(keywordsOfAll(buildCorpus(papers), all, KEYWORD_COUNT, size)).toEqual(full);
    }
  });
});

describe('surfaceOf', () => {
  const small = buildCorpus([
    { title: 'Reward Models', abstract: 'A reward model, the reward model, RLHF and RLHF with GitHub.' },
    { title: 'x', abstract: 'The reward model again.' },
  ]);
  it('shows the most used spelling, lowercasing title case but not acronyms or names', () => {
    expect(surfaceOf(small, 'reward model')).toBe('reward model');
    expect(surfaceOf(small, 'rlhf')).toBe('RLHF');
  });
});

describe('pickDistinct', () => {
  it('skips terms contained in, or containing, a chosen one', () => {
    expect(pickDistinct(['reward model', 'reward', 'model train', 'reward model train', 'data'], 3)).toEqual([
      'reward model',
      'model train',
      'data',
    ]);
  });
});
