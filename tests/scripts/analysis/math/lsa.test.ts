import { describe, expect, it } from 'vitest';
import { lsa, normalizeRows, project2d } from '../../../../scripts/analysis/math/lsa.ts';
import { mapFile, mapPositions } from '../../../../scripts/analysis/map.ts';
import { syntheticPapers } from '../../../../scripts/harness/synthetic.ts';
import { buildCorpus } from '../../../../scripts/analysis/vectors.ts';

const papers = syntheticPapers(200, 9);
const corpus = buildCorpus(papers);

describe('lsa', () => {
  const embedded = lsa(corpus.vectors, 20);

  it('embeds every paper in the requested number of dimensions, deterministically', () => {
    expect(embedded).toHaveLength(200);
    expect(embedded[0]).toHaveLength(20);
    expect(lsa(corpus.vectors, 20)).toEqual(embedded);
  });

  it('keeps papers of one theme closer together than papers of different themes', () => {
    const unit = normalizeRows(embedded);
    const cos = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);
    let same = 0;
    let sameCount = 0;
    let other = 0;
    let otherCount = 0;
    for (let i = 0; i < 200; i++) {
      for (let j = i + 1; j < 200; j++) {
        if (papers[i].theme === papers[j].theme) [same, sameCount] = [same + cos(unit[i], unit[j]), sameCount + 1];
        else [other, otherCount] = [other + cos(unit[i], unit[j]), otherCount + 1];
      }
    }
    expect(same / sameCount).toBeGreaterThan(other / otherCount + 0.2);
  });

  it('copes with fewer papers than dimensions', () => {
    expect(lsa(corpus.vectors.slice(0, 3), 50)[0].length).toBeLessThanOrEqual(2);
  });
});

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

  it('projects onto two axes, oriented the same way every run', () => {
    const rows = lsa(corpus.vectors, 10);
    expect(project2d(rows)).toEqual(project2d(rows));
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
