import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordsFor, keywordsOf } from '../../../scripts/analysis/keywords.ts';
import {
  buildCorpus,
  DenseVectors,
  documentFeatures,
  type DocumentFeatures,
  dot,
  dotsWith,
  type Document,
  type Vector,
} from '../../../scripts/analysis/vectors.ts';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { ROOT } from '../../helpers/paths.ts';

const seed = mergePapers([parseInput(readFileSync(join(ROOT, 'content/digests/trending-mar-14.txt')), 'seed.txt')]);

describe('buildCorpus with deferred surface forms', () => {
  it('gives the same forms, vectors and keywords as summing them at once', () => {
    const eager = buildCorpus(seed);
    const deferred = buildCorpus(seed, documentFeatures, { deferSurfaces: true });
    expect(deferred.vectors).toEqual(eager.vectors);
    const keys = [...eager.idf.keys()];
    expect(keys.some((key) => key.includes(' '))).toBe(true);
    for (const key of keys) expect(deferred.surfacesOf(key)).toEqual(eager.surfacesOf(key));
    expect(deferred.surfacesOf('no such term')).toBeUndefined();
    const all = seed.map((_, i) => i);
    const batched = keywordsOf(buildCorpus(seed, documentFeatures, { deferSurfaces: true }), all);
    for (const i of all) {
      expect(keywordsFor(deferred, i)).toEqual(keywordsFor(eager, i));
      expect(batched[i]).toEqual(keywordsFor(eager, i));
    }
  });

  it('reads no document again for the forms, and sums the phrases asked for in one pass', () => {
    const calls: number[] = [];
    let phraseReads = 0;
    const docs: Document[] = [
      { title: 'Reward models', abstract: 'A reward model scores answers; the reward model is learned.' },
      { title: 'Reward hacking', abstract: 'Policies exploit the Reward Model.' },
    ];
    // Counts how often a document's phrase forms are read: once per document for each pass.
    const counted = (features: DocumentFeatures): DocumentFeatures => ({
      ...features,
      get phraseSurfaces() {
        phraseReads++;
        return features.phraseSurfaces;
      },
    });
    const corpus = buildCorpus(docs, (doc, i) => (calls.push(i), counted(documentFeatures(doc))), { deferSurfaces: true });
    expect(calls).toEqual([0, 1]);
    // Single words never read the phrases.
    expect(Object.fromEntries(corpus.surfacesOf('reward')!)).toEqual({ Reward: 3, reward: 2 });
    expect(phraseReads).toBe(0);
    corpus.sumSurfaces(['reward model', 'reward hack', 'reward']);
    expect(phraseReads).toBe(2);
    // The phrase as written in both papers: in a title, in lowercase and capitalized.
    expect(Object.fromEntries(corpus.surfacesOf('reward model')!)).toEqual({ 'Reward models': 1, 'reward model': 2, 'Reward Model': 1 });
    expect(corpus.surfacesOf('reward hack')).toBeDefined();
    corpus.sumSurfaces(['reward model']);
    expect(phraseReads).toBe(2);
    // A phrase not summed yet costs a pass of its own.
    expect(corpus.surfacesOf('polici exploit')).toBeDefined();
    expect(phraseReads).toBe(4);
    expect(calls).toEqual([0, 1]);
  });
});

describe('DenseVectors and dotsWith', () => {
  // A seeded generator: vectors over more terms than the dense array first holds, so it has to grow.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const vector = (terms: number, vocabulary: number): Vector =>
    new Map(Array.from({ length: terms }, () => [`t${Math.floor(random() * vocabulary)}`, random() - 0.3]));

  it('gives exactly the dot products of the Map vectors, also after growing past its first capacity', () => {
    const targets = Array.from({ length: 5 }, () => vector(900, 3000));
    const dense = new DenseVectors(targets.length, 16);
    targets.forEach((target, t) => dense.add(t, target));
    const viaDotsWith = dotsWith(targets);
    for (let k = 0; k < 300; k++) {
      const query = vector(60, 3500);
      const expected = targets.map((target) => dot(query, target));
      for (const dots of [dense.dots(query), viaDotsWith(query)])
        // Same products in the same order as `dot` over the query's terms, so equal to the last bit
        // where the query is the smaller vector (it is here).
        expect([...dots]).toEqual(expected);
    }
    targets.forEach((target, t) => expect(dense.normSquared(t)).toBeCloseTo(dot(target, target), 12));
  });

  it('sums the vectors added to one slot', () => {
    const dense = new DenseVectors(2, 1);
    dense.add(
      0,
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    dense.add(
      0,
      new Map([
        ['b', 3],
        ['c', 4],
      ]),
    );
    dense.add(1, new Map([['c', 5]]));
    expect([
      ...dense.dots(
        new Map([
          ['a', 1],
          ['b', 1],
          ['c', 1],
          ['d', 1],
        ]),
      ),
    ]).toEqual([10, 5]);
    expect(dense.normSquared(0)).toBe(1 + 25 + 16);
    expect(dense.normSquared(1)).toBe(25);
  });
});
