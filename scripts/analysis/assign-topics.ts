/**
 * Topic assignment. Each paper is scored against each topic in two parts:
 * - term evidence: the topic's signal terms found in the title (worth {@link TITLE_HIT} abstract
 *   hits) and the abstract, phrases weighted above single words, saturating so that one topic's long
 *   term list cannot drown the others;
 * - resemblance: cosine similarity to the centroid (TF-IDF space) of the papers the terms alone file
 *   under that topic, leaving the paper itself out, so a paper with no literal term still lands in
 *   its nearest topic.
 * The best combined score among the topics with term evidence is the primary topic (among all
 * topics when none has any); others follow when they come close and have term evidence of their
 * own. 1 to 3 topics per paper, deterministic.
 */
import type { Topic } from '../../src/schemas.ts';
import { phraseCounter, phraseKey, stemText } from './terms.ts';
import { DenseVectors, type Corpus, type Document } from './vectors.ts';

/** At most this many topics per paper. */
export const MAX_TOPICS = 3;
/** A title hit counts this many abstract hits. */
const TITLE_HIT = 3;
/** Abstract hits of one term beyond this add nothing: repetition is not relevance. */
const MAX_ABSTRACT_HITS = 3;
/** Term evidence saturates: `score / (score + HALF_SATURATION)` is 0.5 at this raw score. */
const HALF_SATURATION = 6;
/** Weight of centroid resemblance against saturated term evidence (0..1). */
const CENTROID_WEIGHT = 1.2;
/** Below this raw term score a match is noise (one stray word in the abstract). */
const MIN_TERM_SCORE = 2;
/** A secondary topic must reach this share of the primary's combined score... */
const SECONDARY_SHARE = 0.55;
/** ...and this raw term score: a secondary topic needs literal evidence of its own. */
const SECONDARY_MIN_TERM_SCORE = 5;
/** Phrases are more specific than single words. */
const PHRASE_WEIGHT = 1.5;

/** A topic's term as its stems (its stem key split once, as every paper counts it) with its weight. */
export interface CompiledTerm {
  words: string[];
  weight: number;
}

/** The topic's terms as stem keys with weights, phrases weighted up. */
export function compileTerms(topic: Pick<Topic, 'terms'>): CompiledTerm[] {
  return topic.terms.map((term) => {
    const [text, weight] = typeof term === 'string' ? [term, 1] : [term.term, term.weight];
    const words = phraseKey(text).split(' ');
    return { words, weight: weight * (words.length > 1 ? PHRASE_WEIGHT : 1) };
  });
}

/** Raw term score of every topic for one document. */
export function termScores(doc: Document, topics: readonly (readonly CompiledTerm[])[]): number[] {
  const inTitle = phraseCounter(stemText(doc.title));
  const inAbstract = phraseCounter(stemText(doc.abstract));
  return topics.map((terms) =>
    terms.reduce((score, { words, weight }) => {
      const hits = TITLE_HIT * Math.min(inTitle(words), 1) + Math.min(inAbstract(words), MAX_ABSTRACT_HITS);
      return score + weight * hits;
    }, 0),
  );
}

/** Topic indexes from term scores alone, best first (empty when no score is strong enough). */
export function pickByTerms(scores: readonly number[]): number[] {
  return scores
    .map((score, index) => ({ score, index }))
    .filter(({ score }) => score >= MIN_TERM_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index }) => index);
}

/** Combined score of one topic from its raw term score and centroid similarity. */
export function combinedScore(termScore: number, similarity: number): number {
  return termScore / (termScore + HALF_SATURATION) + CENTROID_WEIGHT * Math.max(0, similarity);
}

/** What assignment decided for one paper, with what the report needs to explain it. */
export interface Assignment {
  /** Topic ids, primary first. */
  topics: string[];
  /** How the primary topic was found: `kept` is an unchanged paper keeping its earlier topics. */
  how: 'terms' | 'centroid' | 'pinned' | 'kept';
}

/** What `assignTopics` can be spared: memoized term scores, and the papers that keep their topics. */
export interface AssignOptions {
  /** `pinned[i]`, when set, is kept as is (topics a user fixed, `topicsPinned: true`) and shapes the centroids. */
  pinned?: readonly (readonly string[] | undefined)[];
  /** The raw term scores of document `i` (default: computed with {@link termScores}; a memo may answer). */
  scoresOf?: (doc: Document, i: number, compute: () => number[]) => number[];
  /** Only documents for which this is true are assigned; the others get `undefined` (their topics are kept). */
  wanted?: (i: number) => boolean;
}

/**
 * Topics for every document wanted. Every document's term evidence defines the centroids (so a kept
 * paper still shapes where new ones land), but resemblance and the final choice are computed only for
 * the documents wanted.
 */
export function assignTopics(
  docs: readonly Document[],
  corpusOrLater: Corpus | (() => Corpus),
  topics: readonly Topic[],
  { pinned = [], scoresOf = (_doc, _i, compute) => compute(), wanted = () => true }: AssignOptions = {},
): (Assignment | undefined)[] {
  // Nothing to assign: pinned topics stand and the rest are kept, with no corpus built at all.
  if (!docs.some((_, i) => !pinned[i] && wanted(i)))
    return docs.map((_, i) => (pinned[i] ? { topics: [...pinned[i]!], how: 'pinned' } : undefined));
  const corpus = typeof corpusOrLater === 'function' ? corpusOrLater() : corpusOrLater;
  const compiled = topics.map(compileTerms);
  const indexOf = new Map(topics.map((topic, index) => [topic.id, index]));
  const scores = docs.map((doc, i) => scoresOf(doc, i, () => termScores(doc, compiled)));
  // Pass 1: the primary topic by terms alone (or as pinned) defines each topic's centroid.
  const seeds = docs.map((_, i) => (pinned[i] ? indexOf.get(pinned[i]![0]) : pickByTerms(scores[i])[0]));
  const sums = new DenseVectors(topics.length, corpus.idf.size);
  seeds.forEach((topic, i) => {
    if (topic !== undefined) sums.add(topic, corpus.vectors[i]);
  });
  const normsSquared = topics.map((_, t) => sums.normSquared(t));
  // Pass 2: combine term evidence with resemblance to each centroid.
  return docs.map((_, i): Assignment | undefined => {
    if (pinned[i]) return { topics: [...pinned[i]!], how: 'pinned' };
    if (!wanted(i)) return undefined;
    const dots = sums.dots(corpus.vectors[i]);
    const combined = topics.map((_, t) => combinedScore(scores[i][t], similarityLeavingOut(dots[t], normsSquared[t], seeds[i] === t)));
    const ranked = combined.map((score, t) => ({ score, t })).sort((a, b) => b.score - a.score || a.t - b.t);
    // Resemblance orders the topics a paper's own terms point to; it decides alone only when no
    // term points anywhere. A paper is never pulled away from literal evidence into a topic without.
    const primary = ranked.find(({ t }) => scores[i][t] >= MIN_TERM_SCORE) ?? ranked[0];
    const secondary = ranked
      .filter(({ t }) => t !== primary.t)
      .filter(({ score, t }) => score >= primary.score * SECONDARY_SHARE && scores[i][t] >= SECONDARY_MIN_TERM_SCORE)
      .slice(0, MAX_TOPICS - 1);
    const how = scores[i][primary.t] >= MIN_TERM_SCORE ? 'terms' : 'centroid';
    return { topics: [primary, ...secondary].map(({ t }) => topics[t].id), how };
  });
}

/**
 * Cosine of a unit vector v with the centroid of the sum S, from `sv` = S·v and |S|², leaving v out
 * when it is a member: cos(S − v, v) = (S·v − 1) / |S − v|, with |S − v|² = |S|² − 2 S·v + 1. No copy
 * of the (large) centroid is made.
 */
export function similarityLeavingOut(sv: number, sumNormSquared: number, member: boolean): number {
  const numerator = member ? sv - 1 : sv;
  const normSquared = member ? sumNormSquared - 2 * sv + 1 : sumNormSquared;
  return normSquared > 1e-12 ? numerator / Math.sqrt(normSquared) : 0;
}
