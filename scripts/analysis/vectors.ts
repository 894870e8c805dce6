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

export interface Corpus {
  /** Per document: raw weighted term counts. */
  counts: Map<string, number>[];
  /** Per document: its TF-IDF vector, unit length. */
  vectors: Vector[];
  /** Smoothed inverse document frequency of each term. */
  idf: Map<string, number>;
  /** Per term: how often each surface form was written, across the corpus. */
  surfaces: Map<string, Map<string, number>>;
  /** Per document: how often each term occurs in the title (unweighted). */
  titleCounts: Map<string, number>[];
}

/** Builds the corpus statistics for `documents`. Pure and deterministic. */
export function buildCorpus(documents: readonly Document[]): Corpus {
  const surfaces = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  const titleCounts: Map<string, number>[] = [];
  const counts = documents.map((doc) => {
    const count = new Map<string, number>();
    const add = (term: Term, weight: number) => {
      count.set(term.key, (count.get(term.key) ?? 0) + weight);
      const forms = surfaces.get(term.key) ?? new Map<string, number>();
      forms.set(term.surface, (forms.get(term.surface) ?? 0) + 1);
      surfaces.set(term.key, forms);
    };
    const inTitle = terms(doc.title);
    inTitle.forEach((term) => add(term, TITLE_WEIGHT));
    terms(doc.abstract).forEach((term) => add(term, 1));
    const inTitleCount = new Map<string, number>();
    for (const term of inTitle) inTitleCount.set(term.key, (inTitleCount.get(term.key) ?? 0) + 1);
    titleCounts.push(inTitleCount);
    for (const key of count.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    return count;
  });
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [key, freq] of df) idf.set(key, Math.log((1 + n) / (1 + freq)) + 1);
  const vectors = counts.map((count) => {
    const vector: Vector = new Map();
    for (const [key, tf] of count) vector.set(key, (1 + Math.log(tf)) * idf.get(key)!);
    return normalize(vector);
  });
  return { counts, vectors, idf, surfaces, titleCounts };
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
