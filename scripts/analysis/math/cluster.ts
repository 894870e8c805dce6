/**
 * Spherical k-means on dense unit vectors (LSA embeddings), for suggesting a taxonomy. Cosine
 * similarity is the measure throughout; centroids are normalized means. Seeding is k-means++ with a
 * seeded generator, and each k keeps the best of a few restarts, so results are reproducible.
 *
 * k is chosen by the mean silhouette (cosine distance) over a fixed sample of papers. On text the
 * silhouette tends to creep up with k, so the rule is parsimonious: the smallest k whose silhouette
 * is within {@link SILHOUETTE_TOLERANCE} of the best one. Fewer, broader topics are easier to edit.
 */
import { random } from './random.ts';

type Vector = Float64Array;

/** Dot product of two dense vectors of the same length. */
export function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The normalized mean of `vectors` (all of length `length`). */
function centroid(vectors: readonly Vector[], length: number): Vector {
  const sum = new Float64Array(length);
  for (const vector of vectors) for (let i = 0; i < length; i++) sum[i] += vector[i];
  const norm = Math.hypot(...sum);
  return norm > 0 ? sum.map((value) => value / norm) : sum;
}

export interface Clustering {
  k: number;
  /** Cluster index of each vector. */
  assignment: number[];
  centroids: Vector[];
  /** Sum over vectors of the cosine to their centroid (higher is tighter). */
  cohesion: number;
}

/** k-means++ seeding: each next centroid is drawn with probability proportional to its distance. */
function seedCentroids(vectors: readonly Vector[], k: number, next: () => number): Vector[] {
  const chosen = [vectors[Math.floor(next() * vectors.length)]];
  const distance = vectors.map((v) => 1 - dot(v, chosen[0]));
  while (chosen.length < k) {
    const total = distance.reduce((a, b) => a + Math.max(b, 0), 0);
    let target = next() * total;
    let index = 0;
    for (; index < vectors.length - 1; index++) {
      target -= Math.max(distance[index], 0);
      if (target <= 0) break;
    }
    chosen.push(vectors[index]);
    vectors.forEach((v, i) => (distance[i] = Math.min(distance[i], 1 - dot(v, vectors[index]))));
  }
  return chosen.map((v) => v.slice());
}

/** One run of spherical k-means from a seeded start. */
export function sphericalKMeans(vectors: readonly Vector[], k: number, seed = 1, maxIterations = 40): Clustering {
  const next = random(seed);
  let centroids = seedCentroids(vectors, k, next);
  let assignment = new Array<number>(vectors.length).fill(-1);
  let cohesion = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    cohesion = 0;
    vectors.forEach((vector, i) => {
      let best = 0;
      let bestScore = -Infinity;
      centroids.forEach((c, j) => {
        const score = dot(vector, c);
        if (score > bestScore) [best, bestScore] = [j, score];
      });
      cohesion += bestScore;
      if (assignment[i] !== best) [assignment[i], changed] = [best, true];
    });
    if (!changed) break;
    centroids = centroids.map((old, j) => {
      const members = vectors.filter((_, i) => assignment[i] === j);
      // An emptied cluster restarts at the vector that fits its current cluster worst.
      if (!members.length) return vectors[worstFit(vectors, assignment, centroids)].slice();
      return centroid(members, old.length);
    });
  }
  assignment = [...assignment];
  return { k, assignment, centroids, cohesion };
}

function worstFit(vectors: readonly Vector[], assignment: readonly number[], centroids: readonly Vector[]): number {
  let worst = 0;
  let worstScore = Infinity;
  vectors.forEach((v, i) => {
    const score = dot(v, centroids[assignment[i]]);
    if (score < worstScore) [worst, worstScore] = [i, score];
  });
  return worst;
}

/** The best of `restarts` runs (highest cohesion). */
export function bestKMeans(vectors: readonly Vector[], k: number, restarts = 4): Clustering {
  let best: Clustering | undefined;
  for (let seed = 1; seed <= restarts; seed++) {
    const run = sphericalKMeans(vectors, k, seed);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return best!;
}

/**
 * Mean silhouette of a clustering over the sample `indexes`, with cosine distance: for each point,
 * (b − a) / max(a, b), a its mean distance to its own cluster, b to the nearest other cluster.
 */
export function silhouette(vectors: readonly Vector[], assignment: readonly number[], k: number, indexes: readonly number[]): number {
  let total = 0;
  for (const i of indexes) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (const j of indexes) {
      if (j === i) continue;
      sums[assignment[j]] += 1 - dot(vectors[i], vectors[j]);
      counts[assignment[j]]++;
    }
    const own = assignment[i];
    if (!counts[own]) continue; // a singleton scores 0
    const a = sums[own] / counts[own];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]) b = Math.min(b, sums[c] / counts[c]);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
  }
  return indexes.length ? total / indexes.length : 0;
}

/** A k within this share of the best silhouette is good enough (see the module comment). */
export const SILHOUETTE_TOLERANCE = 0.1;

export interface KChoice {
  clustering: Clustering;
  /** Silhouette of every k tried, for the record. */
  scores: { k: number; silhouette: number }[];
}

/** Clusters with every k in [kMin, kMax] and keeps the smallest k with a near-best silhouette. */
export function chooseK(vectors: readonly Vector[], kMin: number, kMax: number, sampleSize = 800): KChoice {
  const next = random(7);
  const all = vectors.map((_, i) => i);
  // A fixed random sample keeps the silhouette O(sample²) on large corpora.
  const sample =
    all.length <= sampleSize
      ? all
      : all
          .map((i) => ({ i, r: next() }))
          .sort((a, b) => a.r - b.r)
          .slice(0, sampleSize)
          .map(({ i }) => i);
  const runs = [];
  for (let k = kMin; k <= kMax; k++) {
    const clustering = bestKMeans(vectors, k);
    runs.push({ clustering, silhouette: silhouette(vectors, clustering.assignment, k, sample) });
  }
  const best = Math.max(...runs.map((run) => run.silhouette));
  const chosen = runs.find((run) => run.silhouette >= best - Math.abs(best) * SILHOUETTE_TOLERANCE)!;
  return { clustering: chosen.clustering, scores: runs.map((run) => ({ k: run.clustering.k, silhouette: run.silhouette })) };
}
