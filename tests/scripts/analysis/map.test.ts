import { describe, expect, it } from 'vitest';
import { mapFile, mapPositions, placeDiscs, silhouette2d } from '../../../scripts/analysis/map.ts';
import { buildCorpus } from '../../../scripts/analysis/vectors.ts';
import { syntheticPapers } from '../../../scripts/harness/synthetic.ts';

const papers = syntheticPapers(200, 9);
const corpus = buildCorpus(papers);

describe('the corpus map', () => {
  it('places papers in the unit square, topics apart', () => {
    const groups = papers.map((p) => p.theme);
    const positions = mapPositions(corpus.vectors, groups);
    for (const [x, y] of positions) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
    // Within-theme spread is smaller than the spread of the whole map.
    const spread = (points: [number, number][]) => {
      const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
      const my = points.reduce((s, p) => s + p[1], 0) / points.length;
      return points.reduce((s, p) => s + (p[0] - mx) ** 2 + (p[1] - my) ** 2, 0) / points.length;
    };
    const themes = [...new Set(groups)];
    const within = themes.reduce((s, t) => s + spread(positions.filter((_, i) => groups[i] === t)), 0) / themes.length;
    expect(within).toBeLessThan(spread(positions));
    // Each topic has a region of its own: the silhouette by topic is high (overlapping topics give ≤ 0).
    expect(silhouette2d(positions, groups)).toBeGreaterThan(0.35);
  });

  it('gives every paper a point of its own and the same layout every run', () => {
    const groups = papers.map((p) => p.theme);
    const positions = mapPositions(corpus.vectors, groups);
    expect(new Set(positions.map(([x, y]) => `${x},${y}`)).size).toBe(positions.length);
    expect(mapPositions(corpus.vectors, groups)).toEqual(positions);
  });

  it('copes with one paper, one topic and papers without a topic', () => {
    expect(mapPositions(corpus.vectors.slice(0, 1), [0])).toHaveLength(1);
    const one = mapPositions(corpus.vectors.slice(0, 20), new Array(20).fill(-1));
    expect(one.every(([x, y]) => x >= 0 && x <= 1 && y >= 0 && y <= 1)).toBe(true);
  });
});

describe('placeDiscs', () => {
  it('pushes overlapping discs apart, leaving a gap', () => {
    const discs = placeDiscs(
      [
        [0, 0],
        [0.01, 0],
        [0, 0.02],
      ],
      [3, 2, 1],
    );
    for (let a = 0; a < discs.length; a++)
      for (let b = a + 1; b < discs.length; b++) {
        const distance = Math.hypot(discs[a].x - discs[b].x, discs[a].y - discs[b].y);
        expect(distance).toBeGreaterThanOrEqual(discs[a].r + discs[b].r);
      }
  });
});

describe('silhouette2d', () => {
  it('is near 1 for groups far apart and near 0 for groups on top of each other', () => {
    const apart: [number, number][] = [
      [0, 0],
      [0.01, 0],
      [1, 1],
      [1.01, 1],
    ];
    expect(silhouette2d(apart, [0, 0, 1, 1])).toBeGreaterThan(0.9);
    const mixed: [number, number][] = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    expect(silhouette2d(mixed, [0, 1, 1, 0])).toBeLessThan(0.1);
  });

  it('writes stable, sorted JSON', () => {
    expect(
      mapFile(
        ['b', 'a'],
        [
          [0.5, 1],
          [0, 0.25],
        ],
      ),
    ).toBe('[\n {\n  "id": "a",\n  "x": 0,\n  "y": 0.25\n },\n {\n  "id": "b",\n  "x": 0.5,\n  "y": 1\n }\n]\n');
  });
});
