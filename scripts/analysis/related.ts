/**
 * Related papers: TF-IDF cosine over title-boosted words and phrases, plus a bonus for shared topics.
 * A paper never relates to itself or to a duplicate of itself (same identity).
 *
 * No N×N matrix is ever formed. Scores accumulate through an inverted index (term → papers with
 * their weights), one paper at a time, and a top-k heap keeps the best. When the index is small
 * enough (the summed squares of its posting lengths within {@link EXACT_BUDGET}) every term is used
 * and the scores are exact cosines. Beyond that, each paper's heaviest terms propose candidates,
 * reading the heaviest postings of each term first, and the best candidates are scored exactly.
 */
import { TopK } from './math/top-k.ts';
import { dot, type Vector } from './vectors.ts';

/** How many related papers each paper lists. */
export const RELATED_COUNT = 5;
/** Added to the cosine per shared topic, and again when the primary topics agree. */
const TOPIC_BONUS = 0.04;
/** Below this similarity two papers are not related, however few candidates there are. */
const MIN_SIMILARITY = 0.05;
/** Terms per paper used to find candidates, and terms per paper indexed. */
const QUERY_TERMS = 40;
const INDEXED_TERMS = 80;
/**
 * Postings read per query term, heaviest first: where a term is common, the papers it weighs most in
 * are the ones it can make related; reading all of them would make the search quadratic.
 */
const MAX_POSTINGS = 400;
/** Candidates scored exactly, per paper. */
const CANDIDATES = 50;
/** Accumulation steps allowed for the exact mode (Σ over terms of postings²). */
export const EXACT_BUDGET = 3e8;

export interface RelatedInput {
  vector: Vector;
  topics: readonly string[];
  /** Papers with the same identity are duplicates of each other. */
  identity: string;
}

/** A sparse vector as parallel arrays: term ids ascending, and their weights. */
interface Sparse {
  ids: Int32Array;
  weights: Float64Array;
  /** Positions into `ids`, heaviest weight first (ties by id). */
  byWeight: Int32Array;
}

/**
 * Compact sparse vectors over shared term ids, without the terms only one paper has: such a term adds
 * nothing to a dot product between two papers, so dropping it (and not renormalizing) keeps every
 * cosine exact while the vectors, and each dot product, get smaller.
 */
function compact(papers: readonly RelatedInput[]): { vectors: Sparse[]; terms: number } {
  const df = new Map<string, number>();
  for (const paper of papers) for (const key of paper.vector.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [key, count] of df) if (count > 1) ids.set(key, ids.size);
  const vectors = papers.map(({ vector }) => {
    const entries: [number, number][] = [];
    for (const [key, weight] of vector) {
      const id = ids.get(key);
      if (id !== undefined) entries.push([id, weight]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const weights = Float64Array.from(entries, ([, weight]) => weight);
    const byWeight = Int32Array.from(entries.keys()).sort((a, b) => weights[b] - weights[a] || a - b);
    return { ids: Int32Array.from(entries, ([id]) => id), weights, byWeight };
  });
  return { vectors, terms: ids.size };
}

/** Dot product of two sparse vectors by merging their sorted ids. */
function sparseDot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Term id → postings (papers and weights), heaviest first; each paper contributes `perPaper` terms. */
function invertedIndex(vectors: readonly Sparse[], terms: number, perPaper: number) {
  const lists: { doc: number; weight: number }[][] = Array.from({ length: terms }, () => []);
  vectors.forEach((vector, doc) => {
    const limit = Math.min(perPaper, vector.byWeight.length);
    for (let k = 0; k < limit; k++) {
      const position = vector.byWeight[k];
      lists[vector.ids[position]].push({ doc, weight: vector.weights[position] });
    }
  });
  return lists.map((list) => {
    list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    return { docs: Int32Array.from(list, (p) => p.doc), weights: Float64Array.from(list, (p) => p.weight) };
  });
}

/** For each paper, the indexes of its related papers, best first. */
export function relatedPapers(papers: readonly RelatedInput[], count = RELATED_COUNT, budget = EXACT_BUDGET): number[][] {
  const { vectors, terms } = compact(papers);
  const df = new Float64Array(terms);
  for (const vector of vectors) for (const id of vector.ids) df[id]++;
  const exact = df.reduce((cost, n) => cost + n * n, 0) <= budget;
  const index = invertedIndex(vectors, terms, exact ? Infinity : INDEXED_TERMS);
  const partial = new Float64Array(papers.length);
  const touched = new Int32Array(papers.length);
  return papers.map((paper, i) => {
    // Accumulate dot products with every paper sharing a (heavy) term.
    const vector = vectors[i];
    let touchedCount = 0;
    const queryTerms = exact ? vector.byWeight.length : Math.min(QUERY_TERMS, vector.byWeight.length);
    for (let k = 0; k < queryTerms; k++) {
      const position = vector.byWeight[k];
      const weight = vector.weights[position];
      const postings = index[vector.ids[position]];
      const limit = exact ? postings.docs.length : Math.min(postings.docs.length, MAX_POSTINGS);
      for (let p = 0; p < limit; p++) {
        const doc = postings.docs[p];
        if (partial[doc] === 0) touched[touchedCount++] = doc;
        partial[doc] += weight * postings.weights[p];
      }
    }
    const candidates = new TopK(CANDIDATES);
    const best = new TopK(count);
    for (let t = 0; t < touchedCount; t++) {
      const doc = touched[t];
      if (doc !== i && papers[doc].identity !== paper.identity) {
        if (exact) best.push(doc, score(paper, papers[doc], partial[doc]));
        else candidates.push(doc, partial[doc]);
      }
      partial[doc] = 0;
    }
    // Approximate mode: exact cosines for the best candidates only.
    for (const { id } of candidates.sorted()) best.push(id, score(paper, papers[id], sparseDot(vector, vectors[id])));
    return best
      .sorted()
      .filter(({ score }) => score > -Infinity)
      .map(({ id }) => id);
  });
}

/** Cosine plus the shared-topic bonus; -Infinity below the similarity floor. */
function score(paper: RelatedInput, other: RelatedInput, cosine: number): number {
  if (cosine < MIN_SIMILARITY) return -Infinity;
  const shared = other.topics.filter((t) => paper.topics.includes(t)).length;
  const primary = other.topics[0] === paper.topics[0] ? 1 : 0;
  return cosine + TOPIC_BONUS * (shared + primary);
}

/**
 * Related lists after a change, computing only what the change can affect. `previous[i]` is paper
 * i's list from the last run (indexes into `papers`) when it may stand: the paper and every paper on
 * its list are unchanged. `changed[i]` marks papers that are new or whose text or topics changed:
 * only they can enter a standing list. So:
 * - a paper without a standing list gets the best `count` over all papers;
 * - a standing list stays exactly as it is (order included) unless a changed paper now scores above
 *   its weakest member (or it is short); then it is the best `count` of its members and the entrants.
 * Lists stay put as the corpus grows and a daily update costs one pass over the corpus's terms.
 * When more than a tenth of the papers need a whole new list, everything is computed afresh with
 * {@link relatedPapers}.
 */
export function updateRelated(
  papers: readonly RelatedInput[],
  previous: readonly (readonly number[] | undefined)[],
  changed: readonly boolean[],
  count = RELATED_COUNT,
): number[][] {
  const fresh = papers.flatMap((_, i) => (previous[i] ? [] : [i]));
  if (fresh.length > Math.max(50, papers.length / 10)) return relatedPapers(papers, count);
  // The papers whose dot products with everyone are needed: those that need a list, and those that
  // may enter one. One small inverted index over them, one pass over every paper's terms.
  const probes = [...new Set([...fresh, ...papers.flatMap((_, i) => (changed[i] ? [i] : []))])].sort((a, b) => a - b);
  const slot = new Map(probes.map((paper, k) => [paper, k]));
  const postings = new Map<string, { k: number; weight: number }[]>();
  probes.forEach((paper, k) => {
    for (const [key, weight] of papers[paper].vector) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push({ k, weight });
    }
  });
  // dots[i][k]: cosine of paper i with probe k.
  const dots = papers.map(({ vector }) => {
    const row = new Float64Array(probes.length);
    for (const [key, weight] of vector) for (const { k, weight: other } of postings.get(key) ?? []) row[k] += weight * other;
    return row;
  });
  const cosine = (i: number, j: number) => {
    const k = slot.get(j);
    if (k !== undefined) return dots[i][k];
    const l = slot.get(i);
    return l !== undefined ? dots[j][l] : dot(papers[i].vector, papers[j].vector);
  };
  const scoreOf = (i: number, j: number) =>
    i === j || papers[i].identity === papers[j].identity ? -Infinity : score(papers[i], papers[j], cosine(i, j));
  const bestOf = (i: number, candidates: Iterable<number>) => {
    const best = new TopK(count);
    for (const j of candidates) best.push(j, scoreOf(i, j));
    return best
      .sorted()
      .filter(({ score }) => score > -Infinity)
      .map(({ id }) => id);
  };
  const entrants = probes.filter((j) => changed[j]);
  return papers.map((_, i) => {
    const standing = previous[i];
    if (!standing) return bestOf(i, papers.keys());
    const qualifying = entrants.filter((j) => scoreOf(i, j) > -Infinity);
    if (!qualifying.length) return [...standing];
    const weakest = standing.length < count ? -Infinity : Math.min(...standing.map((j) => scoreOf(i, j)));
    const entering = qualifying.filter((j) => scoreOf(i, j) > weakest);
    return entering.length ? bestOf(i, [...standing, ...entering]) : [...standing];
  });
}
