/**
 * Related papers: TF-IDF cosine over title-boosted words and phrases, plus a bonus for shared topics.
 * A paper never relates to itself or to a duplicate of itself (same normalized title and abstract).
 */
import { dot, type Vector } from './vectors.ts';

/** How many related papers each paper lists. */
export const RELATED_COUNT = 5;
/** Added to the cosine per shared topic, and again when the primary topics agree. */
const TOPIC_BONUS = 0.04;
/** Below this similarity two papers are not related, however few candidates there are. */
const MIN_SIMILARITY = 0.05;

export interface RelatedInput {
  vector: Vector;
  topics: readonly string[];
  /** Papers with the same identity are duplicates of each other. */
  identity: string;
}

/** For each paper, the indexes of its related papers, best first. */
export function relatedPapers(papers: readonly RelatedInput[], count = RELATED_COUNT): number[][] {
  return papers.map((paper, i) => {
    const scored: { index: number; score: number }[] = [];
    papers.forEach((other, j) => {
      if (j === i || other.identity === paper.identity) return;
      const cosine = dot(paper.vector, other.vector);
      const shared = other.topics.filter((t) => paper.topics.includes(t)).length;
      const primary = other.topics[0] === paper.topics[0] ? 1 : 0;
      const score = cosine + TOPIC_BONUS * (shared + primary);
      if (cosine >= MIN_SIMILARITY) scored.push({ index: j, score });
    });
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    return scored.slice(0, count).map(({ index }) => index);
  });
}
