import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relatedPapers, updateRelated, type RelatedInput } from '../../../scripts/analysis/related.ts';
import { syntheticPapers } from '../../../scripts/harness/synthetic.ts';
import { TopK } from '../../../scripts/analysis/math/top-k.ts';
import { buildCorpus, dot } from '../../../scripts/analysis/vectors.ts';

const docs = syntheticPapers(300, 3);
const corpus = buildCorpus(docs);
const input: RelatedInput[] = docs.map((_, i) => ({ vector: corpus.vectors[i], topics: ['t'], identity: String(i) }));

/** The reference: every pair scored, best five by cosine (the topic bonus is equal for all here). */
function bruteForce(papers: readonly RelatedInput[], i: number): number[] {
  return papers
    .map((p, j) => ({ j, s: j === i || p.identity === papers[i].identity ? -Infinity : dot(papers[i].vector, p.vector) }))
    .filter(({ s }) => s >= 0.05)
    .sort((a, b) => b.s - a.s || a.j - b.j)
    .slice(0, 5)
    .map(({ j }) => j);
}

describe('relatedPapers', () => {
  it('is exact through the inverted index when the index is small', () => {
    const fast = relatedPapers(input);
    for (let i = 0; i < input.length; i++) expect(fast[i]).toEqual(bruteForce(input, i));
  });

  it('finds nearly the same papers when it has to approximate', () => {
    const approximate = relatedPapers(input, 5, 0); // a zero budget forces the candidate search
    let top1 = 0;
    for (let i = 0; i < input.length; i++) if (approximate[i][0] === bruteForce(input, i)[0]) top1++;
    expect(top1 / input.length).toBeGreaterThan(0.9);
  });

  it('never relates a paper to itself or to a duplicate of itself', () => {
    const withDuplicate = [...input.slice(0, 20), { ...input[0] }];
    const related = relatedPapers(withDuplicate);
    expect(related[0]).not.toContain(0);
    expect(related[0]).not.toContain(20);
    expect(related[20]).not.toContain(0);
  });

  it('adds a bonus for shared topics', () => {
    const v = (entries: Record<string, number>) => new Map(Object.entries(entries));
    const papers = [
      { vector: v({ a: 1 }), topics: ['x'], identity: '0' },
      { vector: v({ a: 0.5, b: 0.866 }), topics: ['y'], identity: '1' },
      { vector: v({ a: 0.48, c: 0.877 }), topics: ['x'], identity: '2' },
    ];
    expect(relatedPapers(papers)[0]).toEqual([2, 1]);
  });
});

describe('TopK', () => {
  it('keeps the k best, best first, ties to the smaller id', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (scores, k) => {
        const heap = new TopK(k);
        scores.forEach((score, id) => heap.push(id, score));
        const expected = scores
          .map((score, id) => ({ id, score }))
          .sort((a, b) => b.score - a.score || a.id - b.id)
          .slice(0, k);
        expect(heap.sorted()).toEqual(expected);
      }),
    );
  });
});

describe('updateRelated', () => {
  const full = relatedPapers(input);
  // The last 10 papers are new: every other paper has a standing list computed without them.
  const old = input.slice(0, 290);
  const standingLists = relatedPapers(old);
  const changed = input.map((_, i) => i >= 290);
  const standing = input.map((_, i) => (i < 290 ? standingLists[i] : undefined));
  const updated = updateRelated(input, standing, changed);

  it('gives new papers the best papers of all', () => {
    for (let i = 290; i < 300; i++) expect(updated[i]).toEqual(bruteForce(input, i));
  });

  it('keeps a standing list as it was unless a new paper beats its weakest member', () => {
    let entered = 0;
    for (let i = 0; i < 290; i++) {
      const newcomers = updated[i].filter((j) => j >= 290);
      if (!newcomers.length) {
        expect(updated[i]).toEqual(standingLists[i]);
        continue;
      }
      entered++;
      // Those that enter score above the weakest member they displace; the rest of the list stays.
      const weakest = Math.min(...standingLists[i].map((j) => dot(input[i].vector, input[j].vector)));
      for (const j of newcomers) expect(dot(input[i].vector, input[j].vector)).toBeGreaterThan(weakest);
      expect(updated[i].filter((j) => j < 290).every((j) => standingLists[i].includes(j))).toBe(true);
      // With these vectors, that is what a full recomputation gives too.
      expect(updated[i]).toEqual(full[i]);
    }
    expect(entered).toBeGreaterThan(0);
  });

  it('computes everything afresh when more than a tenth of the papers need a list', () => {
    expect(
      updateRelated(
        input,
        input.map(() => undefined),
        changed,
      ),
    ).toEqual(full);
  });
});
