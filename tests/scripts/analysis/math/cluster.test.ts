import { describe, expect, it } from 'vitest';
import { bestKMeans, chooseK, silhouette } from '../../../../scripts/analysis/math/cluster.ts';
import { random } from '../../../../scripts/analysis/math/random.ts';

/** Unit vectors scattered tightly around `k` orthogonal directions: clusters with a known answer. */
function planted(k: number, perCluster: number, dimensions = 12): { vectors: Float64Array[]; truth: number[] } {
  const next = random(5);
  const vectors: Float64Array[] = [];
  const truth: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let n = 0; n < perCluster; n++) {
      const v = Float64Array.from({ length: dimensions }, (_, j) => (j === c ? 1 : 0) + (next() - 0.5) * 0.3);
      const norm = Math.hypot(...v);
      vectors.push(v.map((x) => x / norm));
      truth.push(c);
    }
  }
  return { vectors, truth };
}

/** True when two labelings group the items the same way (up to renaming clusters). */
function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const map = new Map<number, number>();
  return (
    a.every((label, i) => {
      if (!map.has(label)) map.set(label, b[i]);
      return map.get(label) === b[i];
    }) && new Set(map.values()).size === map.size
  );
}

describe('spherical k-means', () => {
  const { vectors, truth } = planted(4, 15);

  it('recovers planted clusters', () => {
    expect(samePartition(bestKMeans(vectors, 4).assignment, truth)).toBe(true);
  });

  it('is deterministic', () => {
    expect(bestKMeans(vectors, 4)).toEqual(bestKMeans(vectors, 4));
  });

  it('scores the true clustering with a high silhouette and a wrong one lower', () => {
    const all = vectors.map((_, i) => i);
    const good = silhouette(vectors, truth, 4, all);
    const shuffled = truth.map((_, i) => i % 4);
    expect(good).toBeGreaterThan(0.5);
    expect(silhouette(vectors, shuffled, 4, all)).toBeLessThan(good);
  });

  it('chooses the planted k by silhouette', () => {
    const { clustering, scores } = chooseK(vectors, 2, 8);
    expect(clustering.k).toBe(4);
    expect(scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});
