import { describe, expect, it } from 'vitest';
import { assignTopics, combinedScore, compileTerms, similarityLeavingOut, termScores } from '../../../scripts/analysis/assign-topics.ts';
import { buildCorpus, centroid, dot } from '../../../scripts/analysis/vectors.ts';
import type { Topic } from '../../../src/schemas.ts';

const topic = (id: string, terms: Topic['terms']): Topic => ({ id, title: id, description: id, terms });
const TOPICS = [
  topic('recsys', ['recommender', { term: 'collaborative filtering', weight: 2 }]),
  topic('diffusion', ['diffusion model', 'denoising']),
  topic('speech', ['speech recognition', 'acoustic']),
];
const doc = (title: string, abstract: string) => ({ title, abstract });

describe('termScores', () => {
  const compiled = TOPICS.map(compileTerms);
  it('counts a title hit above an abstract hit', () => {
    const [inTitle] = termScores(doc('A recommender', 'Nothing here.'), compiled);
    const [inAbstract] = termScores(doc('Nothing', 'A recommender.'), compiled);
    expect(inTitle).toBeGreaterThan(inAbstract);
    expect(inAbstract).toBeGreaterThan(0);
  });

  it('weights phrases above single words, and term weights multiply', () => {
    const [phrase] = termScores(doc('x', 'collaborative filtering'), compiled);
    const [word] = termScores(doc('x', 'recommender'), compiled);
    expect(phrase).toBe(2 * 1.5 * word);
  });

  it('caps repeated abstract hits', () => {
    const [three] = termScores(doc('x', 'recommender recommender recommender'), compiled);
    const [ten] = termScores(doc('x', 'recommender '.repeat(10)), compiled);
    expect(ten).toBe(three);
  });
});

describe('similarityLeavingOut', () => {
  it('equals the cosine with the centroid of the other members', () => {
    const corpus = buildCorpus([doc('alpha beta', 'gamma delta epsilon'), doc('alpha', 'gamma zeta'), doc('beta', 'delta theta')]);
    const [v0, v1, v2] = corpus.vectors;
    const sum = new Map<string, number>();
    for (const v of [v0, v1, v2]) for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + x);
    const expected = dot(centroid([v1, v2]), v0);
    expect(similarityLeavingOut(dot(sum, v0), dot(sum, sum), true)).toBeCloseTo(expected, 10);
    expect(similarityLeavingOut(dot(sum, v0), dot(sum, sum), false)).toBeCloseTo(dot(centroid([v0, v1, v2]), v0), 10);
  });

  it('saturates term evidence so one long term list cannot dominate', () => {
    expect(combinedScore(1000, 0)).toBeLessThan(1);
    expect(combinedScore(0, 0.5)).toBeGreaterThan(combinedScore(2, 0));
  });
});

describe('assignTopics', () => {
  const docs = [
    doc('A recommender for movies', 'Collaborative filtering with a recommender over user ratings and item histories.'),
    doc('Better recommender training', 'We train a recommender on item histories and user ratings.'),
    doc('Diffusion model sampling', 'A diffusion model with fewer denoising steps and better samples.'),
    doc('Fast denoising', 'Denoising with a diffusion model in latent space for image samples.'),
    doc('Acoustic models', 'Speech recognition with acoustic features and noisy audio from microphones.'),
    // No topic term at all, but the words of the speech paper (not the first topic): placed by centroid.
    doc('Noisy microphones', 'Audio from noisy microphones, and audio features of microphones.'),
  ];
  const corpus = buildCorpus(docs);
  const assigned = assignTopics(docs, corpus, TOPICS).map((a) => a!);

  it('files each paper under the topic its terms name', () => {
    expect(assigned.slice(0, 5).map((a) => a.topics[0])).toEqual(['recsys', 'recsys', 'diffusion', 'diffusion', 'speech']);
    expect(assigned.slice(0, 5).every((a) => a.how === 'terms')).toBe(true);
  });

  it('places a paper with no term by its nearest centroid', () => {
    expect(assigned[5]).toEqual({ topics: ['speech'], how: 'centroid' });
  });

  it('gives 1 to 3 topics, secondary ones only with evidence of their own', () => {
    for (const a of assigned) {
      expect(a.topics.length).toBeGreaterThanOrEqual(1);
      expect(a.topics.length).toBeLessThanOrEqual(3);
    }
    expect(assigned[0].topics).toEqual(['recsys']);
  });

  it('keeps pinned topics as they are', () => {
    const pinned = assignTopics(docs, corpus, TOPICS, { pinned: [['speech', 'diffusion']] });
    expect(pinned[0]).toEqual({ topics: ['speech', 'diffusion'], how: 'pinned' });
    // The others are still filed by their own terms.
    expect(pinned.slice(1, 5)).toEqual(assigned.slice(1, 5));
  });

  it('is deterministic', () => {
    expect(assignTopics(docs, buildCorpus(docs), TOPICS)).toEqual(assigned);
  });

  it('assigns only the papers wanted, with the same result, and takes term scores from a memo', () => {
    const asked: number[] = [];
    const some = assignTopics(docs, corpus, TOPICS, {
      wanted: (i) => i % 2 === 1,
      scoresOf: (_doc, i, compute) => {
        asked.push(i);
        return compute();
      },
    });
    expect(some.map((a, i) => (i % 2 === 1 ? a : undefined))).toEqual(some);
    expect(some.filter(Boolean)).toEqual(assigned.filter((_, i) => i % 2 === 1));
    // Every paper's term evidence still shapes the centroids.
    expect(asked).toEqual(docs.map((_, i) => i));
  });
});
