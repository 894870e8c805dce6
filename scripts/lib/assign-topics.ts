/**
 * Topic assignment: each paper is scored against each topic's signal terms (title hits count more than
 * abstract hits, phrases more than single words). Papers that no term reaches land in the topic whose
 * centroid, over the papers already assigned to it, is nearest in TF-IDF space. 1 to 3 topics each,
 * primary first; deterministic.
 */
import type { Topic } from '../../src/schemas.ts';
import { centroid, dot, type Corpus, type Document } from './vectors.ts';
import { countPhrase, stemText } from './terms.ts';

/** At most this many topics per paper. */
export const MAX_TOPICS = 3;
/** A title hit counts this many abstract hits. */
const TITLE_HIT = 3;
/** Abstract hits of one term beyond this add nothing: repetition is not relevance. */
const MAX_ABSTRACT_HITS = 3;
/** A secondary topic must score at least this share of the primary's. */
const SECONDARY_SHARE = 0.45;
/** Below this score a term match is noise (one stray word in the abstract). */
const MIN_SCORE = 2;

interface CompiledTerm {
  key: string;
  weight: number;
}

/** Each topic's terms as stem keys with weights, phrases weighted up. */
export function compileTerms(topic: Topic): CompiledTerm[] {
  return topic.terms.map((term) => {
    const [text, weight] = typeof term === 'string' ? [term, 1] : [term.term, term.weight];
    const key = stemText(text).replace(/ \| /g, ' ').trim();
    const words = key.split(' ').length;
    return { key, weight: weight * (words > 1 ? 1.5 : 1) };
  });
}

/** Score of every topic for one document, by term matches alone. */
export function termScores(doc: Document, topics: readonly { terms: CompiledTerm[] }[]): number[] {
  const title = stemText(doc.title);
  const abstract = stemText(doc.abstract);
  return topics.map(({ terms }) =>
    terms.reduce((score, { key, weight }) => {
      const hits = TITLE_HIT * Math.min(countPhrase(title, key), 1) + Math.min(countPhrase(abstract, key), MAX_ABSTRACT_HITS);
      return score + weight * hits;
    }, 0),
  );
}

/** Picks up to three topic indexes from scores, primary first; empty when no score is strong enough. */
export function pickTopics(scores: readonly number[]): number[] {
  const ranked = scores.map((score, index) => ({ score, index })).filter(({ score }) => score >= MIN_SCORE);
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  const top = ranked[0]?.score ?? 0;
  return ranked
    .filter(({ score }) => score >= top * SECONDARY_SHARE)
    .slice(0, MAX_TOPICS)
    .map(({ index }) => index);
}

/**
 * Topic ids for every document. `pinned[i]`, when set, is kept as is (a user's hand-edited topics)
 * and also shapes the centroids.
 */
export function assignTopics(
  docs: readonly Document[],
  corpus: Corpus,
  topics: readonly Topic[],
  pinned: readonly (string[] | undefined)[] = [],
): string[][] {
  const compiled = topics.map((topic) => ({ terms: compileTerms(topic) }));
  const assigned: number[][] = docs.map((doc, i) =>
    pinned[i] ? pinned[i]!.map((id) => topics.findIndex((t) => t.id === id)).filter((x) => x >= 0) : pickTopics(termScores(doc, compiled)),
  );
  const centroids = topics.map((_, t) => {
    const members = assigned.flatMap((list, i) => (list[0] === t ? [corpus.vectors[i]] : []));
    return members.length ? centroid(members) : undefined;
  });
  return assigned.map((list, i) => {
    if (list.length) return list.map((t) => topics[t].id);
    // No term reached this paper: take the nearest topic centroid (or the first topic in an empty corpus).
    let best = 0;
    let bestScore = -1;
    centroids.forEach((c, t) => {
      const score = c ? dot(c, corpus.vectors[i]) : -1;
      if (score > bestScore) [best, bestScore] = [t, score];
    });
    return [topics[best].id];
  });
}
