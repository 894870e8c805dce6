/**
 * TF-IDF vectors over words and phrases, the shared space for keywords, topic centroids and related
 * papers. Title terms count double; term frequency is sublinear (1 + ln tf); vectors are L2-normalized.
 */
import { terms, type Term } from './terms.ts';

export type Vector = Map<string, number>;

/** The text of one paper, as the feature extractors need it. */
export interface Document {
  title: string;
  abstract: string;
}

/** How much a title occurrence counts against one in the abstract. */
export const TITLE_WEIGHT = 2;

/**
 * What one document contributes to the corpus, computed from its text alone: the part of the work
 * that a re-run can take from a memo (see `shared/memo.ts`) when the text is unchanged.
 */
export interface DocumentFeatures {
  /** Weighted term counts (title occurrences count {@link TITLE_WEIGHT}). */
  counts: Map<string, number>;
  /** How often each term occurs in the title (unweighted). */
  titleCounts: Map<string, number>;
  /**
   * Each single word's surface forms as written, with how often: a line `key \0 surface \0 count` per
   * term and form. One string rather than a Map per term: every run reads every paper's features from
   * the memo, and the nested Maps were 85% of the time to read them (450 ms of 2,846 real papers'
   * features, 76 ms as strings), while only computed keywords ever look at the forms.
   */
  wordSurfaces: string;
  /**
   * The same lines for phrases (two and three words), kept apart: keywords look at every single word's
   * forms but only at the phrases they show, and summing every phrase's forms across the corpus was
   * 1.4 s of a clean ingest of the real corpus (CPU profile), three in four lines being phrases.
   */
  phraseSurfaces: string;
}

/**
 * Separates a term's key, a surface form and its count in the lines of {@link DocumentFeatures}: neither
 * holds it (nor a newline), since a term is words of one run with their whitespace made single spaces.
 */
const FIELD = '\0';

/** The features of one document. Pure: equal texts give equal features. */
export function documentFeatures(doc: Document): DocumentFeatures {
  const counts = new Map<string, number>();
  const titleCounts = new Map<string, number>();
  const wordForms = new Map<string, number>();
  const phraseForms = new Map<string, number>();
  const add = (term: Term, weight: number) => {
    counts.set(term.key, (counts.get(term.key) ?? 0) + weight);
    const form = term.key + FIELD + term.surface;
    const forms = term.length === 1 ? wordForms : phraseForms;
    forms.set(form, (forms.get(form) ?? 0) + 1);
  };
  for (const term of terms(doc.title)) {
    add(term, TITLE_WEIGHT);
    titleCounts.set(term.key, (titleCounts.get(term.key) ?? 0) + 1);
  }
  for (const term of terms(doc.abstract)) add(term, 1);
  const lines = (forms: Map<string, number>) => {
    let text = '';
    for (const [form, count] of forms) text += form + FIELD + count + '\n';
    return text;
  };
  return { counts, titleCounts, wordSurfaces: lines(wordForms), phraseSurfaces: lines(phraseForms) };
}

export interface Corpus {
  /** Per document: raw weighted term counts. */
  counts: Map<string, number>[];
  /** Per document: its TF-IDF vector, unit length. */
  vectors: Vector[];
  /** Smoothed inverse document frequency of each term. */
  idf: Map<string, number>;
  /** Per document: how often each term occurs in the title (unweighted). */
  titleCounts: Map<string, number>[];
  /** How often each surface form of term `key` was written, across the corpus; undefined for a term it lacks. */
  surfacesOf(key: string): ReadonlyMap<string, number> | undefined;
  /**
   * Sums the forms of the phrases among `keys` in one pass over the corpus, for a caller about to ask
   * {@link surfacesOf} for many phrases: each phrase asked alone costs a pass of its own.
   */
  sumSurfaces(keys: Iterable<string>): void;
}

/** Surface forms summed across a corpus: `key → surface → count`. */
type Surfaces = Map<string, Map<string, number>>;

/**
 * Adds `forms` (lines of {@link DocumentFeatures}) into `total`; with `only`, just the lines of those
 * keys. Each line is parsed in place: the key is sliced out only to look it up.
 */
function addSurfaces(total: Surfaces, forms: string, only?: ReadonlySet<string>): void {
  for (let at = 0; at < forms.length;) {
    const keyEnd = forms.indexOf(FIELD, at);
    const formEnd = forms.indexOf(FIELD, keyEnd + 1);
    const end = forms.indexOf('\n', formEnd);
    const key = forms.slice(at, keyEnd);
    if (!only || only.has(key)) {
      let sum = total.get(key);
      if (!sum) total.set(key, (sum = new Map()));
      const form = forms.slice(keyEnd + 1, formEnd);
      sum.set(form, (sum.get(form) ?? 0) + Number(forms.slice(formEnd + 1, end)));
    }
    at = end + 1;
  }
}

/** Whether `key` is a phrase (stems joined by single spaces) rather than one word. */
const isPhrase = (key: string) => key.includes(' ');

/**
 * Builds the corpus statistics for `documents`. Pure and deterministic; `featuresOf` may answer from a
 * memo, since a document's features depend on its text alone (only the IDF weights are corpus-wide).
 *
 * `deferSurfaces` sums the surface forms only when first asked for, and a phrase's only when asked for
 * it (only computed keywords use them, and a daily update of papers that bring their own keywords
 * computes none): for a caller whose features outlive this call anyway, such as a memo's, since until
 * then every document's forms are kept.
 */
export function buildCorpus(
  documents: readonly Document[],
  featuresOf: (doc: Document, index: number) => DocumentFeatures = documentFeatures,
  { deferSurfaces = false }: { deferSurfaces?: boolean } = {},
): Corpus {
  // Otherwise every form is summed as features come, so no document's own forms outlive this call (at
  // 100,000 papers, keeping them all ran out of memory).
  const eager: Surfaces | undefined = deferSurfaces ? undefined : new Map();
  const features = documents.map((doc, index) => {
    const feature = featuresOf(doc, index);
    if (eager) {
      addSurfaces(eager, feature.wordSurfaces);
      addSurfaces(eager, feature.phraseSurfaces);
    }
    return feature;
  });
  const df = new Map<string, number>();
  for (const { counts } of features) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [key, freq] of df) idf.set(key, Math.log((1 + n) / (1 + freq)) + 1);
  const vectors = features.map(({ counts }) => {
    const vector: Vector = new Map();
    for (const [key, tf] of counts) vector.set(key, (1 + Math.log(tf)) * idf.get(key)!);
    return normalize(vector);
  });

  // Deferred: every word's forms at the first question, a phrase's when it is first asked for.
  let words: Surfaces | undefined;
  const phrases: Surfaces = new Map();
  const phrasesSummed = new Set<string>();
  const sumPhrases = (keys: Iterable<string>) => {
    const wanted = new Set<string>();
    for (const key of keys) if (isPhrase(key) && !phrasesSummed.has(key)) wanted.add(key);
    if (wanted.size === 0) return;
    for (const feature of features) addSurfaces(phrases, feature.phraseSurfaces, wanted);
    for (const key of wanted) phrasesSummed.add(key);
  };
  return {
    counts: features.map((f) => f.counts),
    titleCounts: features.map((f) => f.titleCounts),
    vectors,
    idf,
    surfacesOf(key) {
      if (eager) return eager.get(key);
      if (isPhrase(key)) {
        sumPhrases([key]);
        return phrases.get(key);
      }
      if (!words) {
        words = new Map();
        for (const feature of features) addSurfaces(words, feature.wordSurfaces);
      }
      return words.get(key);
    },
    sumSurfaces(keys) {
      if (!eager) sumPhrases(keys);
    },
  };
}

/** Scales `vector` to unit length (in place) and returns it. */
export function normalize(vector: Vector): Vector {
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, value] of vector) vector.set(key, value / norm);
  return vector;
}

/** Dot product; the cosine for unit vectors. Iterates the smaller vector. */
export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, value] of small) {
    const other = large.get(key);
    if (other !== undefined) sum += value * other;
  }
  return sum;
}

/** The normalized mean of `vectors`. */
export function centroid(vectors: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const vector of vectors) for (const [key, value] of vector) sum.set(key, (sum.get(key) ?? 0) + value);
  return normalize(sum);
}

/**
 * A few vectors over one row per term, stored densely (row × count + vector): for vectors that together
 * span most of the vocabulary, such as the sums of each topic's papers. A Map per vector, or a small
 * typed array per term, cost a third of a topic assignment in allocation and lookups (CPU profile of a
 * clean ingest of the real corpus); here every term is one lookup and one slot in a shared array.
 */
export class DenseVectors {
  readonly count: number;
  readonly #rows = new Map<string, number>();
  #weights: Float64Array;

  constructor(count: number, expectedTerms = 1024) {
    this.count = count;
    this.#weights = new Float64Array(Math.max(1, expectedTerms) * count);
  }

  /** Adds `vector` into vector `t`. */
  add(t: number, vector: Vector): void {
    for (const [key, value] of vector) {
      // The row first: making it may replace the array.
      const row = this.#row(key);
      this.#weights[row + t] += value;
    }
  }

  /** Where term `key`'s row starts, made when new (the array doubles when full). */
  #row(key: string): number {
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = this.#rows.size * this.count;
      this.#rows.set(key, row);
      if (row + this.count > this.#weights.length) {
        const grown = new Float64Array(this.#weights.length * 2);
        grown.set(this.#weights);
        this.#weights = grown;
      }
    }
    return row;
  }

  /** The dot product of `vector` with each of the vectors, in one pass over its terms. */
  dots(vector: Vector): Float64Array {
    const result = new Float64Array(this.count);
    const weights = this.#weights;
    for (const [key, value] of vector) {
      const row = this.#rows.get(key);
      if (row !== undefined) for (let t = 0; t < this.count; t++) result[t] += value * weights[row + t];
    }
    return result;
  }

  /** The squared length of vector `t`. */
  normSquared(t: number): number {
    let sum = 0;
    for (let at = t, end = this.#rows.size * this.count; at < end; at += this.count) sum += this.#weights[at] * this.#weights[at];
    return sum;
  }
}

/** Dot products of any vector with a few fixed ones (topic centroids, say), each in one pass over the vector's terms. */
export function dotsWith(targets: readonly Vector[]): (vector: Vector) => Float64Array {
  const dense = new DenseVectors(targets.length);
  targets.forEach((target, t) => dense.add(t, target));
  return (vector) => dense.dots(vector);
}
