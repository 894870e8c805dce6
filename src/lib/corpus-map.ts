/**
 * Laying out the corpus map: map points (from ingest) become dots in an SVG's coordinates, coloured by
 * primary topic, with each topic's label at the centroid of its papers. Pure, for tests.
 */
import type { MapPoint, Paper, Topic } from '../schemas.ts';

/** Distinct colours readable on light and dark backgrounds (Tableau 10 and four more). */
export const TOPIC_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#8cd17d',
  '#499894',
  '#d37295',
  '#b6992d',
  '#86bcb6',
];

/** Above this many papers the map shows an even sample, so the page stays light. */
export const MAX_DOTS = 3000;

export interface MapDot {
  slug: string;
  title: string;
  color: string;
  cx: number;
  cy: number;
}

export interface MapLabel {
  id: string;
  title: string;
  color: string;
  x: number;
  y: number;
}

export interface CorpusMapLayout {
  width: number;
  height: number;
  dots: MapDot[];
  labels: MapLabel[];
  /** Papers on the map, and papers in all. */
  shown: number;
  total: number;
}

/** Each topic's colour, in topic order (colours repeat past the palette). */
export function topicColors(topics: readonly Pick<Topic, 'id'>[]): Map<string, string> {
  return new Map(topics.map((topic, index) => [topic.id, TOPIC_COLORS[index % TOPIC_COLORS.length]]));
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Dots and labels for an SVG of `width` × `height`, leaving `padding` around the points. */
export function layoutCorpusMap(
  points: readonly MapPoint[],
  papers: ReadonlyMap<string, Pick<Paper, 'title' | 'topics'>>,
  topics: readonly Pick<Topic, 'id' | 'title'>[],
  { width = 960, height = 600, padding = 24, maxDots = MAX_DOTS } = {},
): CorpusMapLayout {
  const colors = topicColors(topics);
  const known = points.filter((point) => papers.has(point.id));
  const stride = Math.max(1, Math.ceil(known.length / maxDots));
  const dots = known
    .filter((_, index) => index % stride === 0)
    .map((point) => {
      const paper = papers.get(point.id)!;
      return {
        slug: point.id,
        title: paper.title,
        color: colors.get(paper.topics[0]) ?? TOPIC_COLORS[0],
        cx: round(padding + point.x * (width - 2 * padding)),
        // SVG's y grows downwards; flip so the second component grows upwards as on a chart.
        cy: round(padding + (1 - point.y) * (height - 2 * padding)),
      };
    });
  const centroids = topics.flatMap((topic) => {
    const members = dots.filter((dot) => papers.get(dot.slug)!.topics[0] === topic.id);
    if (!members.length) return [];
    const x = members.reduce((sum, dot) => sum + dot.cx, 0) / members.length;
    const y = members.reduce((sum, dot) => sum + dot.cy, 0) / members.length;
    return [{ id: topic.id, title: topic.title, color: colors.get(topic.id)!, x, y }];
  });
  return { width, height, dots, labels: placeLabels(centroids, width, height), shown: dots.length, total: known.length };
}

/** Label text metrics, in SVG units, for the map's 15px bold labels. */
const LABEL = { charWidth: 8.6, height: 19 };

/**
 * Places labels at their centroids, kept inside the picture, moving a label that would overlap one
 * already placed up or down (nearest free slot first). Larger topics are placed first.
 */
export function placeLabels(labels: readonly MapLabel[], width: number, height: number): MapLabel[] {
  const placed: { box: [number, number, number, number]; label: MapLabel }[] = [];
  const overlaps = (box: [number, number, number, number]) =>
    placed.some(({ box: other }) => box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3]);
  for (const label of labels) {
    const half = Math.min((label.title.length * LABEL.charWidth) / 2, width / 2);
    const x = Math.min(Math.max(label.x, half + 4), width - half - 4);
    let y = label.y;
    for (let step = 0; step < 40; step++) {
      const offset = Math.ceil(step / 2) * LABEL.height * (step % 2 ? 1 : -1);
      const candidate = Math.min(Math.max(label.y + offset, LABEL.height), height - 6);
      if (!overlaps([x - half, candidate - LABEL.height + 4, x + half, candidate + 4])) {
        y = candidate;
        break;
      }
    }
    placed.push({ box: [x - half, y - LABEL.height + 4, x + half, y + 4], label: { ...label, x: round(x), y: round(y) } });
  }
  return placed.map(({ label }) => label);
}
