import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { correction, forgive, queryWords } from '../../../src/lib/forgiving-search.ts';

/** A tiny index: each document a set of words; a term finds the documents holding all its words. */
const DOCS = [
  'graphvid controllable graph video generation',
  'graph neural networks for recommendation',
  'controllable text generation with reward models',
  'video diffusion models',
].map((doc) => new Set(doc.split(' ')));
const VOCABULARY = ['graph', 'generation', 'video', 'controllable', 'models', 'graphvid', 'recommendation', 'reward', 'diffusion', 'text'];

function setup() {
  const searched: string[] = [];
  let vocabularyLoads = 0;
  const options = {
    count: async (term: string) => {
      searched.push(term);
      const words = queryWords(term);
      return DOCS.filter((doc) => words.every((word) => doc.has(word))).length;
    },
    vocabulary: async () => {
      vocabularyLoads++;
      return VOCABULARY;
    },
    distance,
  };
  return { options, searched, loads: () => vocabularyLoads };
}

describe('correction', () => {
  it('finds the most frequent word one typo away, a swap of two letters counting as one', () => {
    expect(correction('contrlolable', VOCABULARY, distance)).toBe('controllable');
    expect(correction('grpah', VOCABULARY, distance)).toBe('graph');
    expect(correction('vidoe', VOCABULARY, distance)).toBe('video');
    // Earlier in the vocabulary (more frequent) wins among equally close words.
    expect(correction('modes', ['models', 'modem'], distance)).toBe('models');
  });

  it('leaves short words and far-off words alone', () => {
    expect(correction('gnn', VOCABULARY, distance)).toBeUndefined();
    expect(correction('quantum', VOCABULARY, distance)).toBeUndefined();
    expect(correction('graph', VOCABULARY, distance)).toBeUndefined();
  });
});

describe('forgive', () => {
  it('corrects a misspelled word and says so', async () => {
    const { options, loads } = setup();
    expect(await forgive('graphvid graph contrlolable', options)).toEqual({
      term: 'graphvid graph controllable',
      ignored: [],
      corrected: [['contrlolable', 'controllable']],
    });
    expect(loads()).toBe(1);
  });

  it('ignores a word that matches nothing and has no correction', async () => {
    const { options } = setup();
    expect(await forgive('graphvid xyzzyq', options)).toEqual({ term: 'graphvid', ignored: ['xyzzyq'], corrected: [] });
  });

  it('corrects an unknown word even when the index answers it with near matches', async () => {
    const { options } = setup();
    // The index "finds" the misspelling alone (as Pagefind does with near matches), but not with the others.
    const count = options.count;
    options.count = async (term) => (term === 'vidoe' ? 2 : count(term));
    expect(await forgive('graphvid vidoe', options)).toEqual({ term: 'graphvid video', ignored: [], corrected: [['vidoe', 'video']] });
  });

  it('drops the fewest, rarest words when every word matches alone but not together', async () => {
    const { options } = setup();
    // "recommendation" (1 document) and "diffusion" (1) never meet; dropping one finds something.
    const forgiven = await forgive('graph recommendation diffusion', options);
    expect(forgiven?.ignored).toHaveLength(1);
    expect((await options.count(forgiven!.term)) > 0).toBe(true);
    expect(forgiven!.term.split(' ')).toContain('graph');
  });

  it('gives up on a single word nothing is close to', async () => {
    const { options } = setup();
    expect(await forgive('xyzzyq', options)).toBeUndefined();
    expect(await forgive('   ', options)).toBeUndefined();
  });
});
