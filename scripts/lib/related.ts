/**
 * Related papers: TF-IDF cosine over title-boosted words and phrases, plus a bonus for shared topics.
 * A paper never relates to itself or to a duplicate of itself (same identity).
 *
 * It scales without an N×N matrix: an inverted index over each paper's most characteristic terms
 * proposes candidates (papers sharing those terms, scored by partial dot products), a top-k heap
 * keeps the best of them, and only those are scored exactly.
 */
import { TopK } from './top-k.ts';
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
/** Candidates scored exactly, per paper. */
const CANDIDATES = 60;

export interface RelatedInput {
  vector: Vector;
  topics: readonly string[];
  /** Papers with the same identity are duplicates of each other. */
  identity: string;
}

/** The `n` heaviest entries of a vector. */
function heaviest(vector: Vector, n: number): [string, number][] {
  const entries = [...vector];
  if (entries.length <= n) return entries;
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** For each paper, the indexes of its related papers, best first. */
export function relatedPapers(papers: readonly RelatedInput[], count = RELATED_COUNT): number[][] {
  const index = new Map<string, { doc: number; weight: number }[]>();
  papers.forEach((paper, doc) => {
    for (const [key, weight] of heaviest(paper.vector, INDEXED_TERMS)) {
      let postings = index.get(key);
      if (!postings) index.set(key, (postings = []));
      postings.push({ doc, weight });
    }
  });
  const partial = new Float64Array(papers.length);
  return papers.map((paper, i) => {
    // Candidates: papers sharing this paper's heaviest terms, by partial dot product.
    const touched: number[] = [];
    for (const [key, weight] of heaviest(paper.vector, QUERY_TERMS)) {
      for (const posting of index.get(key) ?? []) {
        if (partial[posting.doc] === 0) touched.push(posting.doc);
        partial[posting.doc] += weight * posting.weight;
      }
    }
    const candidates = new TopK(CANDIDATES);
    for (const doc of touched) {
      if (doc !== i && papers[doc].identity !== paper.identity) candidates.push(doc, partial[doc]);
      partial[doc] = 0;
    }
    // Exact scores for the candidates, with the topic bonus.
    const best = new TopK(count);
    for (const { id } of candidates.sorted()) {
      const other = papers[id];
      const cosine = dot(paper.vector, other.vector);
      if (cosine < MIN_SIMILARITY) continue;
      const shared = other.topics.filter((t) => paper.topics.includes(t)).length;
      const primary = other.topics[0] === paper.topics[0] ? 1 : 0;
      best.push(id, cosine + TOPIC_BONUS * (shared + primary));
    }
    return best.sorted().map(({ id }) => id);
  });
}
