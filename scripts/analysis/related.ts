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

/** What relating papers needs of a paper besides its vector. */
export type RelatedMeta = Omit<RelatedInput, 'vector'>;

/** A sparse vector as parallel arrays: term ids ascending, and their weights. */
interface Sparse {
  ids: Int32Array;
  weights: Float64Array;
  /** Positions into `ids`, heaviest weight first (ties by id). */
  byWeight: Int32Array;
}

/**
 * Every paper's vector over shared term ids, packed into a few typed arrays (paper `i`'s entries are
 * `offsets[i]` to `offsets[i + 1]`): what {@link relatedFromPacked} needs, in a form another thread
 * receives as a copy of a few buffers instead of a clone of thousands of Maps.
 */
export interface PackedVectors {
  offsets: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  /** Per paper, positions into its own entries, heaviest weight first (ties by id). */
  byWeight: Int32Array;
  /** Distinct term ids. */
  terms: number;
}

/**
 * Compact sparse vectors over shared term ids, without the terms only one paper has: such a term adds
 * nothing to a dot product between two papers, so dropping it (and not renormalizing) keeps every
 * cosine exact while the vectors, and each dot product, get smaller.
 */
export function packVectors(vectors: readonly Vector[]): PackedVectors {
  const df = new Map<string, number>();
  for (const vector of vectors) for (const key of vector.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const termIds = new Map<string, number>();
  for (const [key, count] of df) if (count > 1) termIds.set(key, termIds.size);
  // Each paper's entries sorted by id through one native numeric sort of id × 2^16 + position, with
  // no comparator and no pair per entry (both were most of the time at 10,000 papers).
  const offsets = new Int32Array(vectors.length + 1);
  let longest = 0;
  for (let i = 0; i < vectors.length; i++) {
    let kept = 0;
    for (const key of vectors[i].keys()) if (termIds.has(key)) kept++;
    offsets[i + 1] = offsets[i] + kept;
    longest = Math.max(longest, vectors[i].size);
  }
  if (longest >= POSITIONS) throw new Error(`packVectors: a vector of ${longest} terms (at most ${POSITIONS - 1})`);
  const ids = new Int32Array(offsets[vectors.length]);
  const weights = new Float64Array(ids.length);
  const byWeight = new Int32Array(ids.length);
  const order = new Float64Array(longest);
  const values = new Float64Array(longest);
  vectors.forEach((vector, i) => {
    let kept = 0;
    for (const [key, weight] of vector) {
      const id = termIds.get(key);
      if (id === undefined) continue;
      order[kept] = id * POSITIONS + kept;
      values[kept++] = weight;
    }
    const sorted = order.subarray(0, kept).sort();
    const start = offsets[i];
    for (let k = 0; k < kept; k++) {
      const position = sorted[k] % POSITIONS;
      ids[start + k] = (sorted[k] - position) / POSITIONS;
      weights[start + k] = values[position];
    }
    const own = weights.subarray(start, start + kept);
    const heaviest = byWeight.subarray(start, start + kept);
    for (let k = 0; k < kept; k++) heaviest[k] = k;
    heaviest.sort((a, b) => own[b] - own[a] || a - b);
  });
  return { offsets, ids, weights, byWeight, terms: termIds.size };
}

/** Positions a vector's entries may take in {@link packVectors}'s sort keys. */
const POSITIONS = 2 ** 16;

/** The packed vectors as one {@link Sparse} per paper: views, no copies. */
function unpack({ offsets, ids, weights, byWeight }: PackedVectors): Sparse[] {
  return Array.from({ length: offsets.length - 1 }, (_, i) => ({
    ids: ids.subarray(offsets[i], offsets[i + 1]),
    weights: weights.subarray(offsets[i], offsets[i + 1]),
    byWeight: byWeight.subarray(offsets[i], offsets[i + 1]),
  }));
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
  return relatedFromPacked(packVectors(papers.map((paper) => paper.vector)), papers, count, budget);
}

/**
 * {@link relatedPapers} from the papers' vectors packed by {@link packVectors}; `onPaper` is told each
 * paper's index once its list is done (a thread doing this for another says it is alive).
 */
export function relatedFromPacked(
  packed: PackedVectors,
  papers: readonly RelatedMeta[],
  count = RELATED_COUNT,
  budget = EXACT_BUDGET,
  onPaper: (index: number) => void = () => {},
): number[][] {
  const vectors = unpack(packed);
  const { terms } = packed;
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
    onPaper(i);
    return best
      .sorted()
      .filter(({ score }) => score > -Infinity)
      .map(({ id }) => id);
  });
}

/** Cosine plus the shared-topic bonus; -Infinity below the similarity floor. */
function score(paper: RelatedMeta, other: RelatedMeta, cosine: number): number {
  if (cosine < MIN_SIMILARITY) return -Infinity;
  const shared = other.topics.filter((t) => paper.topics.includes(t)).length;
  const primary = other.topics[0] === paper.topics[0] ? 1 : 0;
  return cosine + TOPIC_BONUS * (shared + primary);
}

/** Whether {@link updateRelated} computes every list afresh: when more than a tenth of the papers (and over 50) have no standing list. */
export function needsAllRelated(previous: readonly (readonly number[] | undefined)[]): boolean {
  const fresh = previous.reduce((total, list) => total + (list ? 0 : 1), 0);
  return fresh > Math.max(50, previous.length / 10);
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
  if (needsAllRelated(previous)) return relatedPapers(papers, count);
  const fresh = papers.flatMap((_, i) => (previous[i] ? [] : [i]));
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
