/**
 * Suggesting a taxonomy for a corpus: papers are embedded with LSA, clustered with spherical k-means
 * (k chosen by silhouette, see `cluster.ts`), and each cluster is named by its top class-based TF-IDF
 * terms (c-TF-IDF, as in BERTopic: a term's frequency in the cluster × log(1 + A / its frequency in
 * all clusters), A the mean number of term occurrences per cluster). The result is a draft
 * `topics.yaml` for a person to edit, not a final answer.
 */
import { isMap, isSeq, Document as YamlDocument } from 'yaml';
import { topicsFileSchema, type Topic } from '../../src/schemas.ts';
import { chooseK, dot } from './math/cluster.ts';
import { pickDistinct, surfaceOf } from './keywords.ts';
import { lsa, normalizeRows } from './math/lsa.ts';
import { slugify } from '../entries/slug.ts';
import { buildCorpus, normalize, type Corpus, type Document, type Vector } from './vectors.ts';

/** LSA dimensions used for clustering: about one per four papers, between 10 and 100. */
const dimensionsFor = (n: number) => Math.max(10, Math.min(100, Math.round(n / 4)));
/** Terms written into each suggested topic. */
const TERMS_PER_TOPIC = 8;
/** Longer phrases name a cluster better than single words. */
const PHRASE_BOOST = [0, 1, 2, 2.4];
/** Single words that name nothing on their own: modifiers and participles (`annotated`, `powerful`). */
const NOT_A_NAME = /(?:ed|ly|ful|ous|ive|able|ible|less)$/;

export interface SuggestOptions {
  /** Force this k instead of choosing by silhouette. */
  k?: number;
  kMin?: number;
  kMax?: number;
}

export interface SuggestedTopic extends Topic {
  size: number;
  /** Title of the paper nearest the cluster's centre, as an example. */
  example: string;
}

export interface Suggestion {
  topics: SuggestedTopic[];
  /** Silhouette of every k tried. */
  scores: { k: number; silhouette: number }[];
  k: number;
}

/** The default range of k for `n` papers: 6 to 24, and at most one topic per five papers. */
export function kRange(n: number): [number, number] {
  const kMax = Math.max(2, Math.min(24, Math.floor(n / 5)));
  return [Math.min(6, kMax), kMax];
}

/** TF-IDF vectors restricted to terms in at least two papers: words only one paper uses cannot group papers. */
function sharedTermVectors(corpus: Corpus): Vector[] {
  const df = new Map<string, number>();
  for (const counts of corpus.counts) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  return corpus.vectors.map((vector) => normalize(new Map([...vector].filter(([key]) => df.get(key)! >= 2))));
}

/** c-TF-IDF term weights of one cluster. */
function classTermWeights(corpus: Corpus, members: readonly number[], totals: Map<string, number>, average: number): Map<string, number> {
  const tf = new Map<string, number>();
  const docs = new Map<string, number>();
  for (const i of members) {
    for (const [key, count] of corpus.counts[i]) {
      tf.set(key, (tf.get(key) ?? 0) + count);
      docs.set(key, (docs.get(key) ?? 0) + 1);
    }
  }
  const minDocs = members.length >= 3 ? 2 : 1;
  const weights = new Map<string, number>();
  for (const [key, count] of tf) {
    if (docs.get(key)! < minDocs) continue;
    const words = key.split(' ');
    const length = Math.min(words.length, 3);
    if (length === 1 && NOT_A_NAME.test(surfaceOf(corpus, key))) continue;
    // A phrase names something only if it is a unit: "combines item embeddings" is not, when
    // "item embeddings" turns up in twice as many of the cluster's papers without it.
    const shorter = length > 1 ? [words.slice(1).join(' '), words.slice(0, -1).join(' ')] : [];
    if (shorter.some((part) => (docs.get(part) ?? 0) >= 2 * docs.get(key)!)) continue;
    // c-TF-IDF, times the share of the term's occurrences that fall in this cluster: a term spread
    // evenly over the corpus ("language models") names no cluster, however frequent it is.
    const total = totals.get(key)!;
    weights.set(key, count * (count / total) * Math.log(1 + average / total) * PHRASE_BOOST[length]);
  }
  return weights;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const listOf = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/** Clusters `papers` and names each cluster; deterministic. */
export function suggestTopics(papers: readonly Document[], options: SuggestOptions = {}): Suggestion {
  if (papers.length < 4) throw new Error(`topics:suggest needs at least 4 papers, not ${papers.length}`);
  const corpus = buildCorpus(papers);
  const embedded = normalizeRows(lsa(sharedTermVectors(corpus), dimensionsFor(papers.length)));
  const [defaultMin, defaultMax] = kRange(papers.length);
  const kMin = options.k ?? options.kMin ?? defaultMin;
  const kMax = options.k ?? Math.max(kMin, options.kMax ?? defaultMax);
  const { clustering, scores } = chooseK(embedded, kMin, kMax);
  const clusters = Array.from({ length: clustering.k }, (_, c) => clustering.assignment.flatMap((a, i) => (a === c ? [i] : [])));

  const totals = new Map<string, number>();
  for (const counts of corpus.counts) for (const [key, count] of counts) totals.set(key, (totals.get(key) ?? 0) + count);
  const average = [...totals.values()].reduce((a, b) => a + b, 0) / clustering.k;

  const used = new Set<string>();
  const topics = clusters
    .filter((members) => members.length > 0)
    .map((members): SuggestedTopic => {
      const c = clustering.assignment[members[0]];
      const weights = classTermWeights(corpus, members, totals, average);
      const ranked = [...weights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
      const keys = pickDistinct(ranked, TERMS_PER_TOPIC);
      const names = keys.map((key) => surfaceOf(corpus, key));
      let id = slugify(names[0] ?? `topic-${c + 1}`);
      for (let n = 2; used.has(id); n++) id = `${slugify(names[0] ?? 'topic')}-${n}`;
      used.add(id);
      const centre = members.reduce((best, i) =>
        dot(embedded[i], clustering.centroids[c]) > dot(embedded[best], clustering.centroids[c]) ? i : best,
      );
      return {
        id,
        title: capitalize(listOf(names.slice(0, 2))),
        description: `Papers about ${listOf(names.slice(0, 3))}.`,
        terms: keys.map((key, rank) => ({ term: surfaceOf(corpus, key), weight: rank < 2 ? 3 : rank < 5 ? 2 : 1 })),
        size: members.length,
        example: papers[centre].title,
      };
    })
    .sort((a, b) => b.size - a.size || a.id.localeCompare(b.id));
  return { topics, scores, k: clustering.k };
}

/** The suggestion as a commented `topics.yaml` draft, validated against the topics schema. */
export function suggestionYaml(suggestion: Suggestion, papers: number, sources: number): string {
  const plain = suggestion.topics.map(({ id, title, description, terms }) => ({ id, title, description, terms }));
  topicsFileSchema.parse(plain);
  const doc = new YamlDocument(plain);
  const tried = suggestion.scores.map(({ k, silhouette }) => `k=${k}: ${silhouette.toFixed(3)}`).join(', ');
  doc.commentBefore = [
    ` Draft taxonomy suggested by \`npm run topics:suggest\` from ${papers} papers in ${sources} file${sources === 1 ? '' : 's'}.`,
    ` ${suggestion.k} clusters (spherical k-means on LSA vectors); k chosen by the best mean silhouette`,
    ` (cosine) among ${tried}.`,
    " Titles and terms are the clusters' top class-based TF-IDF phrases. Rename, merge, split and prune",
    ' them, then save the result as content/topics.yaml and run `npm run ingest`.',
  ].join('\n');
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, index) => {
      const topic = suggestion.topics[index];
      if (!isMap(item)) return;
      item.commentBefore = ` ${topic.size} papers, e.g. "${topic.example.replace(/\s+/g, ' ')}"`;
      // Terms one per line in flow style, `{ term: x, weight: 3 }`, as in the hand-written file.
      const terms = item.get('terms', true);
      if (isSeq(terms)) for (const term of terms.items) if (isMap(term)) term.flow = true;
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
