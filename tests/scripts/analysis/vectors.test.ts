import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordsFor } from '../../../scripts/analysis/keywords.ts';
import { buildCorpus, documentFeatures, type Document } from '../../../scripts/analysis/vectors.ts';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { ROOT } from '../../helpers/paths.ts';

const seed = mergePapers([parseInput(readFileSync(join(ROOT, 'content/digests/trending-mar-14.txt')), 'seed.txt')]);

describe('buildCorpus with deferred surface forms', () => {
  it('gives the same forms, vectors and keywords as summing them at once', () => {
    const eager = buildCorpus(seed);
    const deferred = buildCorpus(seed, documentFeatures, { deferSurfaces: true });
    expect(deferred.vectors).toEqual(eager.vectors);
    expect(deferred.surfaces).toEqual(eager.surfaces);
    for (let i = 0; i < seed.length; i++) expect(keywordsFor(deferred, i)).toEqual(keywordsFor(eager, i));
  });

  it('reads no document again for the forms, and sums them once', () => {
    const calls: number[] = [];
    const docs: Document[] = [
      { title: 'Reward models', abstract: 'A reward model scores answers.' },
      { title: 'Reward hacking', abstract: 'Policies exploit the Reward Model.' },
    ];
    const corpus = buildCorpus(docs, (doc, i) => (calls.push(i), documentFeatures(doc)), { deferSurfaces: true });
    expect(calls).toEqual([0, 1]);
    const forms = corpus.surfaces;
    expect(corpus.surfaces).toBe(forms);
    expect(calls).toEqual([0, 1]);
    // The phrase as written in both papers: in a title, in lowercase and capitalized.
    const phrase = [...forms.values()].find((written) => written.has('Reward Model'));
    expect(Object.fromEntries(phrase!)).toEqual({ 'Reward models': 1, 'reward model': 1, 'Reward Model': 1 });
  });
});
