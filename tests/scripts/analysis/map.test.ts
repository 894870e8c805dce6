import { describe, expect, it } from 'vitest';
import { mapFile, mapPositions } from '../../../scripts/analysis/map.ts';
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
