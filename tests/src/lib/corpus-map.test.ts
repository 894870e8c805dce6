import { describe, expect, it } from 'vitest';
import { layoutCorpusMap, placeLabels, TOPIC_COLORS, topicColors } from '../../../src/lib/corpus-map.ts';

const topics = [
  { id: 'a', title: 'Alpha topic' },
  { id: 'b', title: 'Beta topic' },
];
const papers = new Map([
  ['p1', { title: 'One', topics: ['a'] }],
  ['p2', { title: 'Two', topics: ['a', 'b'] }],
  ['p3', { title: 'Three', topics: ['b'] }],
]);
const points = [
  { id: 'p1', x: 0, y: 0 },
  { id: 'p2', x: 1, y: 1 },
  { id: 'p3', x: 0.5, y: 0.5 },
  { id: 'gone', x: 0.5, y: 0.5 }, // a paper no longer in the site is left out
];

describe('layoutCorpusMap', () => {
  const layout = layoutCorpusMap(points, papers, topics, { width: 100, height: 50, padding: 10 });

  it('scales points into the picture, y upwards, coloured by primary topic', () => {
    expect(layout.dots).toEqual([
      { slug: 'p1', title: 'One', color: TOPIC_COLORS[0], cx: 10, cy: 40 },
      { slug: 'p2', title: 'Two', color: TOPIC_COLORS[0], cx: 90, cy: 10 },
      { slug: 'p3', title: 'Three', color: TOPIC_COLORS[1], cx: 50, cy: 25 },
    ]);
    expect(layout.total).toBe(3);
  });

  it('labels each topic near the centroid of its papers', () => {
    expect(layout.labels.map((l) => l.id)).toEqual(['a', 'b']);
    expect(layout.labels[0].y).toBeCloseTo(25, 0);
  });

  it('samples evenly above the dot limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `p${(i % 3) + 1}`, x: i / 10, y: 0 }));
    expect(layoutCorpusMap(many, papers, topics, { maxDots: 5 }).shown).toBe(5);
  });

  it('repeats colours past the palette', () => {
    const lots = Array.from({ length: TOPIC_COLORS.length + 1 }, (_, i) => ({ id: `t${i}` }));
    expect(topicColors(lots).get(`t${TOPIC_COLORS.length}`)).toBe(TOPIC_COLORS[0]);
  });
});

describe('placeLabels', () => {
  it('keeps labels apart and inside the picture', () => {
    const labels = Array.from({ length: 6 }, (_, i) => ({ id: String(i), title: 'A long topic title', color: '#000', x: 5, y: 100 }));
    const placed = placeLabels(labels, 400, 300);
    for (const label of placed) {
      expect(label.x - (label.title.length * 8.6) / 2).toBeGreaterThanOrEqual(0);
      expect(label.y).toBeGreaterThan(0);
      expect(label.y).toBeLessThanOrEqual(300);
    }
    const ys = placed.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(19);
  });
});
