import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  dotRadius,
  labelWidth,
  layoutCorpusMap,
  mapFaults,
  placeLabels,
  shorten,
  TOPIC_COLORS,
  topicColors,
  type Box,
} from '../../../src/lib/corpus-map.ts';
import { readEntries } from '../../../scripts/ingest/papers-folder.ts';
import { silhouette2d } from '../../../scripts/analysis/map.ts';
import type { MapPoint } from '../../../src/schemas.ts';

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
  const layout = layoutCorpusMap(points, papers, topics, { width: 100, maxHeight: 100, padding: 10 });
  const [p1, p2, p3] = layout.dots;

  it('scales points with one scale for both axes, y upwards, coloured by primary topic', () => {
    expect(layout.dots.map((dot) => [dot.slug, dot.title, dot.color])).toEqual([
      ['p1', 'One', TOPIC_COLORS[0]],
      ['p2', 'Two', TOPIC_COLORS[0]],
      ['p3', 'Three', TOPIC_COLORS[1]],
    ]);
    // The unit square stays a square: 80 wide and 80 high, p3 in the middle, p2 up and to the right.
    expect(p2.cx - p1.cx).toBeCloseTo(80, 0);
    expect(p1.cy - p2.cy).toBeCloseTo(80, 0);
    expect(p3.cx - p1.cx).toBeCloseTo(40, 0);
    expect(layout.total).toBe(3);
    expect(layout.shown).toBe(3);
  });

  it('gives each topic with papers a label with its count, beside its region and clear of every dot', () => {
    expect(layout.labels.map((l) => [l.id, l.title, l.count])).toEqual([
      ['a', 'Alpha topic', 2],
      ['b', 'Beta topic', 1],
    ]);
    expect(mapFaults(layout)).toEqual({ labelsOverlapping: 0, dotsCovered: 0, leadersThroughLabels: 0 });
  });

  it('frames every dot and label in the viewBox, below the name line at y = 0', () => {
    const { x, y, width, height } = layout.viewBox;
    expect(y).toBeLessThan(0);
    for (const dot of layout.dots) {
      expect(dot.cx).toBeGreaterThan(x);
      expect(dot.cx).toBeLessThan(x + width);
      expect(dot.cy).toBeGreaterThan(0);
      expect(dot.cy).toBeLessThan(y + height);
    }
    for (const { box } of layout.labels) {
      expect(box.x).toBeGreaterThanOrEqual(x);
      expect(box.x + box.width).toBeLessThanOrEqual(x + width);
      expect(box.y).toBeGreaterThan(0);
      expect(box.y + box.height).toBeLessThanOrEqual(y + height);
    }
  });

  it('samples evenly above the dot limit, and counts every paper in the legend', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `p${(i % 3) + 1}`, x: i / 10, y: 0 }));
    const sampled = layoutCorpusMap(many, papers, topics, { maxDots: 5 });
    expect(sampled.shown).toBe(5);
    expect(sampled.total).toBe(10);
    expect(sampled.labels.reduce((sum, l) => sum + l.count, 0)).toBe(10);
  });

  it('repeats colours past the palette', () => {
    const lots = Array.from({ length: TOPIC_COLORS.length + 1 }, (_, i) => ({ id: `t${i}` }));
    expect(topicColors(lots).get(`t${TOPIC_COLORS.length}`)).toBe(TOPIC_COLORS[0]);
  });

  it('shortens long titles at a word for the name line', () => {
    expect(shorten('A short title', 40)).toBe('A short title');
    expect(shorten('Scaling laws for sparse mixture of experts language models', 30)).toBe('Scaling laws for sparse…');
  });
});

describe('dotRadius', () => {
  it('keeps neighbours apart, within bounds', () => {
    const row = Array.from({ length: 50 }, (_, i) => [i * 10, 0] as [number, number]);
    expect(dotRadius(row)).toBe(4);
    expect(dotRadius(row.map(([x]) => [x / 100, 0]))).toBe(1.5);
    expect(dotRadius([[0, 0]])).toBe(6);
  });
});

describe('placeLabels', () => {
  const area: Box = { x: 0, y: 0, width: 400, height: 300 };

  it('keeps labels off each other and off the dots, even when regions crowd one spot', () => {
    // Six regions stacked on one point, in a field of dots: the labels must spread out.
    const dots = Array.from({ length: 400 }, (_, i) => ({ cx: 100 + (i % 20) * 10, cy: 50 + Math.floor(i / 20) * 10 }));
    const regions = Array.from({ length: 6 }, (_, i) => ({ topic: { title: `A long topic title ${i}` }, x: 200, y: 150, r: 100 }));
    const placed = placeLabels(regions, dots, 3, area);
    const labels = placed.map((p, i) => ({ id: String(i), title: regions[i].topic.title, color: '#000', count: 1, ...p }));
    expect(mapFaults({ dots: dots.map((d) => ({ ...d, slug: '', title: '', name: '', color: '' })), labels, radius: 3 })).toEqual({
      labelsOverlapping: 0,
      dotsCovered: 0,
      leadersThroughLabels: 0,
    });
    for (const { box } of placed) expect(box.width).toBeCloseTo(labelWidth('A long topic title 0'), 0);
  });

  it('puts a label right beside a lone region, with no leader', () => {
    const [only] = placeLabels([{ topic: { title: 'Alone' }, x: 200, y: 150, r: 20 }], [{ cx: 200, cy: 150 }], 3, area);
    expect(only.leader).toBeUndefined();
    const gap = Math.hypot(only.box.x + only.box.width / 2 - 200, only.box.y + only.box.height / 2 - 150);
    expect(gap).toBeLessThan(20 + only.box.width);
  });

  it('draws a leader to a label that had to stand away from its region', () => {
    // A region walled in by dots all around: its label ends up beyond the wall, with a leader.
    const dots = [];
    for (let x = 0; x <= 400; x += 8) for (let y = 0; y <= 300; y += 8) dots.push({ cx: x, cy: y });
    const [label] = placeLabels([{ topic: { title: 'Walled in' }, x: 200, y: 150, r: 10 }], dots, 3, area);
    expect(label.leader).toBeDefined();
    expect(boxesOverlap(label.box, area)).toBe(false);
  });
});

describe('mapFaults', () => {
  it('counts labels over labels, labels over dots and leaders through labels', () => {
    const label = (x: number, y: number, leader?: [number, number, number, number]) => ({
      id: '',
      title: '',
      color: '',
      count: 0,
      box: { x, y, width: 50, height: 18 },
      ...(leader ? { leader } : {}),
    });
    const dot = (cx: number, cy: number) => ({ slug: '', title: '', name: '', color: '', cx, cy });
    const labels = [label(0, 0), label(40, 10), label(200, 0, [225, 100, 225, -50])];
    expect(mapFaults({ labels, dots: [dot(10, 10), dot(100, 100), dot(0, -3)], radius: 4 })).toEqual({
      labelsOverlapping: 1,
      dotsCovered: 2,
      leadersThroughLabels: 0,
    });
    expect(mapFaults({ labels: [label(0, 0, [25, 100, 25, -50]), label(0, 30)], dots: [], radius: 4 }).leadersThroughLabels).toBe(1);
  });
});

describe('the seed map', () => {
  // The committed seed content: the map ingest wrote and the entries' titles and topics.
  const entries = readEntries('content/papers');
  const mapPoints = JSON.parse(entries.get('_map.json')!) as MapPoint[];
  const seedTopics = parse(readFileSync('content/topics.yaml', 'utf8')) as { id: string; title: string }[];
  const seedPapers = new Map(
    [...entries]
      .filter(([name]) => name.endsWith('.mdx'))
      .map(([name, text]) => {
        const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as { title: string; topics: string[] };
        return [name.replace(/\.mdx$/, ''), { title: data.title, topics: data.topics }];
      }),
  );

  it('separates topics: silhouette by primary topic at least 0.35', () => {
    const ids = seedTopics.map((t) => t.id);
    const known = mapPoints.filter((p) => seedPapers.has(p.id));
    expect(known).toHaveLength(seedPapers.size);
    const score = silhouette2d(
      known.map((p) => [p.x, p.y]),
      known.map((p) => ids.indexOf(seedPapers.get(p.id)!.topics[0])),
    );
    expect(score).toBeGreaterThanOrEqual(0.35);
  });

  it('places every label clear of other labels and of every dot', () => {
    const layout = layoutCorpusMap(mapPoints, seedPapers, seedTopics);
    expect(layout.labels.length).toBeGreaterThanOrEqual(8);
    expect(mapFaults(layout)).toEqual({ labelsOverlapping: 0, dotsCovered: 0, leadersThroughLabels: 0 });
  });
});
