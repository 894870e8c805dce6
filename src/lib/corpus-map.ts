/**
 * Laying out the corpus map: map points (from ingest, `papers/_map.json`) become dots in an SVG, coloured
 * by primary topic, and each topic gets a label beside its region. Pure, for tests.
 *
 * The picture keeps the layout's proportions (one scale for both axes: the regions are discs). Dots are
 * sized from how closely the layout packs them, so they touch no neighbour at 80 papers or at 3,000.
 * Labels never cover a dot or another label: each is placed beside its topic's region, at the nearest
 * free spot around it (outside the map if need be, with a leader line back to the region), and is drawn
 * with a fixed `textLength`, so its box is the one computed here whatever font the reader has.
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

/** Label text: 14px bold, drawn `CHAR_WIDTH` per character (the SVG's `textLength` holds it to that). */
export const LABEL_FONT = { size: 14, charWidth: 7.8, height: 18, padding: 3 };
/** The line above the map that names the dot under the pointer or keyboard focus. */
export const NAME_LINE = { size: 15, charWidth: 7.6, height: 26 };

export interface MapDot {
  slug: string;
  title: string;
  /** The title as the name line shows it (shortened to fit the picture). */
  name: string;
  color: string;
  cx: number;
  cy: number;
}

/** An axis-aligned box: top-left corner, width and height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLabel {
  id: string;
  title: string;
  color: string;
  /** Papers filed under the topic (its primary topic), on the map or not. */
  count: number;
  /** The label's box; the text is centred in it. */
  box: Box;
  /** A line from the topic's region to the label, when the label stands away from it. */
  leader?: [number, number, number, number];
}

export interface CorpusMapLayout {
  /** The SVG's viewBox. The name line's baseline is at (0, 0); the map lies below it. */
  viewBox: Box;
  /** Radius of every dot. */
  radius: number;
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

/** A title cut to `chars` characters at a word boundary, with an ellipsis when cut. */
export function shorten(title: string, chars: number): string {
  if (title.length <= chars) return title;
  const cut = title.slice(0, chars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > chars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Width of a label's box for `title`. */
export function labelWidth(title: string): number {
  return title.length * LABEL_FONT.charWidth + 2 * LABEL_FONT.padding;
}

/**
 * The map for the given points: dots in a picture `width` wide (the height follows the layout's
 * proportions, up to `maxHeight`), and a label per topic that has papers on it.
 */
export function layoutCorpusMap(
  points: readonly MapPoint[],
  papers: ReadonlyMap<string, Pick<Paper, 'title' | 'topics'>>,
  topics: readonly Pick<Topic, 'id' | 'title'>[],
  { width = 960, maxHeight = 720, padding = 12, maxDots = MAX_DOTS } = {},
): CorpusMapLayout {
  const colors = topicColors(topics);
  const known = points.filter((point) => papers.has(point.id));
  const stride = Math.max(1, Math.ceil(known.length / maxDots));
  const sample = known.filter((_, index) => index % stride === 0);

  // One scale for both axes, the map's top-left corner at (padding, padding).
  const xs = sample.map((point) => point.x);
  const ys = sample.map((point) => point.y);
  const [minX, maxX, minY, maxY] = sample.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 1, 0, 1];
  const inner = width - 2 * padding;
  const scale = Math.min(inner / Math.max(maxX - minX, 1e-9), (maxHeight - 2 * padding) / Math.max(maxY - minY, 1e-9));
  const offsetX = padding + (inner - (maxX - minX) * scale) / 2;
  const radius = dotRadius(sample.map((point) => [point.x * scale, point.y * scale]));
  const nameChars = Math.floor((width - 16) / NAME_LINE.charWidth);
  const dots: MapDot[] = sample.map((point) => {
    const paper = papers.get(point.id)!;
    return {
      slug: point.id,
      title: paper.title,
      name: shorten(paper.title, nameChars),
      color: colors.get(paper.topics[0]) ?? TOPIC_COLORS[0],
      cx: round(offsetX + (point.x - minX) * scale),
      // SVG's y grows downwards; flip so the layout's second axis grows upwards as on a chart.
      cy: round(padding + (maxY - point.y) * scale),
    };
  });
  const area: Box = { x: 0, y: 0, width, height: Math.max(2 * padding, (maxY - minY) * scale + 2 * padding) };

  // Each topic's region: the circle around its dots.
  const primary = (slug: string) => papers.get(slug)!.topics[0];
  const counts = new Map<string, number>();
  for (const point of known) counts.set(primary(point.id), (counts.get(primary(point.id)) ?? 0) + 1);
  const regions = topics.flatMap((topic) => {
    const members = dots.filter((dot) => primary(dot.slug) === topic.id);
    if (!members.length) return [];
    const x = members.reduce((sum, dot) => sum + dot.cx, 0) / members.length;
    const y = members.reduce((sum, dot) => sum + dot.cy, 0) / members.length;
    const r = Math.max(...members.map((dot) => Math.hypot(dot.cx - x, dot.cy - y))) + radius;
    return [{ topic, x, y, r, count: counts.get(topic.id) ?? 0 }];
  });
  // The largest topics choose their label's place first; the labels stay in topic order.
  const bySize = [...regions].sort((a, b) => b.count - a.count);
  const placements = new Map(placeLabels(bySize, dots, radius, area).map((placed, i) => [bySize[i].topic.id, placed]));
  const labels = regions.map((region) => ({
    id: region.topic.id,
    title: region.topic.title,
    color: colors.get(region.topic.id)!,
    count: region.count,
    ...placements.get(region.topic.id)!,
  }));

  // The picture: the map and every label, below the name line. That line is written at (0, 0), so the
  // dots' text needs no position of its own: everything else is moved to start just below it.
  const boxes = [area, ...labels.map((label) => label.box)];
  const left = Math.min(...boxes.map((box) => box.x)) - 4;
  const right = Math.max(...boxes.map((box) => box.x + box.width)) + 4;
  const top = Math.min(...boxes.map((box) => box.y)) - 4;
  const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + 4;
  const [shiftX, shiftY] = [-8 - left, 6 - top];
  const move = (x: number, y: number): [number, number] => [round(x + shiftX), round(y + shiftY)];
  return {
    viewBox: { x: -8, y: 6 - NAME_LINE.height, width: round(right - left), height: round(bottom - top + NAME_LINE.height) },
    radius: round(radius),
    dots: dots.map((dot) => {
      const [cx, cy] = move(dot.cx, dot.cy);
      return { ...dot, cx, cy };
    }),
    labels: labels.map(({ box, leader, ...label }) => {
      const [x, y] = move(box.x, box.y);
      return {
        ...label,
        box: { ...box, x, y },
        ...(leader ? { leader: [...move(leader[0], leader[1]), ...move(leader[2], leader[3])] as MapLabel['leader'] } : {}),
      };
    }),
    shown: dots.length,
    total: known.length,
  };
}

/**
 * A dot radius that keeps neighbours apart: 40% of the median distance from a dot to its nearest
 * neighbour (points given in picture units), between 1.5 and 6.
 */
export function dotRadius(points: readonly [number, number][]): number {
  if (points.length < 2) return 6;
  const grid = new Grid(
    points.map(([x, y]) => ({ x, y })),
    8,
  );
  const step = Math.max(1, Math.floor(points.length / 400));
  const nearest: number[] = [];
  for (let i = 0; i < points.length; i += step) {
    const [x, y] = points[i];
    let best = Infinity;
    for (let reach = 8; best === Infinity && reach < 1e6; reach *= 2)
      for (const other of grid.near(x - reach, y - reach, x + reach, y + reach)) {
        const distance = Math.hypot(other.x - x, other.y - y);
        if (distance > 0 && distance < best) best = distance;
      }
    if (best < Infinity) nearest.push(best);
  }
  nearest.sort((a, b) => a - b);
  const median = nearest[Math.floor(nearest.length / 2)] ?? 15;
  return Math.min(6, Math.max(1.5, 0.4 * median));
}

/** Points in square cells, to find those near a box without looking at all of them. */
class Grid<T extends { x: number; y: number }> {
  readonly #cells = new Map<string, T[]>();
  readonly #size: number;

  constructor(items: readonly T[], size: number) {
    this.#size = size;
    for (const item of items) {
      const key = `${Math.floor(item.x / size)},${Math.floor(item.y / size)}`;
      const cell = this.#cells.get(key);
      if (cell) cell.push(item);
      else this.#cells.set(key, [item]);
    }
  }

  /** The items in the cells that the box from (x1, y1) to (x2, y2) touches. */
  *near(x1: number, y1: number, x2: number, y2: number): Generator<T> {
    const s = this.#size;
    for (let cx = Math.floor(x1 / s); cx <= Math.floor(x2 / s); cx++)
      for (let cy = Math.floor(y1 / s); cy <= Math.floor(y2 / s); cy++) yield* this.#cells.get(`${cx},${cy}`) ?? [];
  }
}

/** Whether a circle and a box overlap. */
function circleHitsBox(cx: number, cy: number, r: number, box: Box): boolean {
  const nx = Math.min(Math.max(cx, box.x), box.x + box.width);
  const ny = Math.min(Math.max(cy, box.y), box.y + box.height);
  return Math.hypot(cx - nx, cy - ny) < r;
}

/** Whether two boxes overlap, or come closer than `gap`. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Whether the segment from (x1, y1) to (x2, y2) passes through the inside of `box` (touching its edge
 * is not), checked at points at most 2 units apart and at 100 points at least.
 */
function segmentCrossesBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  const steps = Math.max(100, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 2));
  for (let i = 0; i <= steps; i++) {
    const [x, y] = [x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps];
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}

/** A topic's region on the map: the circle around its dots. */
export interface Region {
  topic: Pick<Topic, 'title'>;
  x: number;
  y: number;
  r: number;
}

/** Directions tried around a region, and distances from its edge (picture units). */
const DIRECTIONS = 24;
const DISTANCES = [3, 8, 14, 22, 32, 46, 64, 88, 120, 160, 220, 300, 400];
/** A label this far or farther from its region gets a leader line to it. */
const LEADER_FROM = 12;
/** Space kept between a label and a dot or another label. */
const CLEARANCE = 2;

/**
 * A box for each region's label, in region order (largest topics should come first: they choose
 * first). A box never covers a dot, another label or another leader; among the free spots around a
 * region, the nearest wins, a spot inside `area` is preferred to one outside it, and one on the side
 * facing away from the map's centre to one facing in. When nothing around a region is free, the label
 * goes above or below the map, with its leader.
 */
export function placeLabels(
  regions: readonly Region[],
  dots: readonly Pick<MapDot, 'cx' | 'cy'>[],
  radius: number,
  area: Box,
): { box: Box; leader?: [number, number, number, number] }[] {
  const grid = new Grid(
    dots.map((dot) => ({ x: dot.cx, y: dot.cy })),
    Math.max(16, 4 * radius),
  );
  const reach = radius + CLEARANCE;
  const placed: Box[] = [];
  const leaders: [number, number, number, number][] = [];
  const hitsDot = (box: Box) =>
    [...grid.near(box.x - reach, box.y - reach, box.x + box.width + reach, box.y + box.height + reach)].some((dot) =>
      circleHitsBox(dot.x, dot.y, reach, box),
    );
  const crossesLeader = (box: Box) => leaders.some((leader) => segmentCrossesBox(...leader, box));
  const free = (box: Box) => !hitsDot(box) && !placed.some((other) => boxesOverlap(box, other, CLEARANCE)) && !crossesLeader(box);
  // A leader may not run over a dot of another region or through a label.
  const clearLine = (x1: number, y1: number, x2: number, y2: number, own: Region) => {
    const length = Math.hypot(x2 - x1, y2 - y1);
    for (let t = 0; t <= length; t += radius) {
      const x = x1 + ((x2 - x1) * t) / length;
      const y = y1 + ((y2 - y1) * t) / length;
      const spot = { x: x - 1, y: y - 1, width: 2, height: 2 };
      if (Math.hypot(x - own.x, y - own.y) > own.r && hitsDot(spot)) return false;
      if (placed.some((box) => boxesOverlap(spot, box))) return false;
    }
    return true;
  };
  const centre = { x: area.x + area.width / 2, y: area.y + area.height / 2 };
  return regions.map((region) => {
    const width = labelWidth(region.topic.title);
    const height = LABEL_FONT.height;
    const outward = Math.atan2(region.y - centre.y, region.x - centre.x);
    let best: { box: Box; cost: number; edge: [number, number]; distance: number } | undefined;
    for (const distance of DISTANCES) {
      // Nothing nearer can win once the distance alone costs more than the best found.
      if (best && distance >= best.cost) break;
      for (let k = 0; k < DIRECTIONS; k++) {
        const angle = (k / DIRECTIONS) * 2 * Math.PI;
        const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
        const [px, py] = [region.x + (region.r + distance) * ux, region.y + (region.r + distance) * uy];
        // The box touches the point with the side that faces the region.
        const box = { x: px - width / 2 + (ux * width) / 2, y: py - height / 2 + (uy * height) / 2, width, height };
        const inside = box.x >= area.x && box.y >= area.y && box.x + width <= area.x + area.width && box.y + height <= area.y + area.height;
        // A label nearer another topic's region than its own would be read as that topic's.
        const gapTo = (other: Region) =>
          Math.max(0, Math.hypot(...minus(nearestOn(box, [other.x, other.y]), [other.x, other.y])) - other.r);
        const ownGap = gapTo(region);
        const ambiguous = regions.some((other) => other !== region && gapTo(other) < ownGap + 6);
        const cost = distance + (inside ? 0 : 30) + (ambiguous ? 80 : 0) + 8 * (1 - Math.cos(angle - outward));
        if (best && cost >= best.cost) continue;
        if (!free(box)) continue;
        const edge: [number, number] = [region.x + region.r * ux, region.y + region.r * uy];
        if (distance >= LEADER_FROM && !clearLine(...edge, ...nearestOn(box, edge), region)) continue;
        best = { box, cost, edge, distance };
      }
    }
    if (!best) {
      // Above or below the map, in the first row where the label and a straight leader to it meet no
      // other label (the leader may cross dots here: it is drawn under them). The farthest rows are free.
      const toward = (box: Box): [number, number] => {
        const [x, y] = nearestOn(box, [region.x, region.y]);
        const length = Math.hypot(x - region.x, y - region.y) || 1;
        return [region.x + (region.r * (x - region.x)) / length, region.y + (region.r * (y - region.y)) / length];
      };
      const crossesLabel = (box: Box) => {
        const start = toward(box);
        return placed.some((other) => segmentCrossesBox(...start, ...nearestOn(box, start), other));
      };
      const clamp = (x: number) => Math.min(Math.max(x, area.x), area.x + area.width - width);
      for (let row = 0; !best; row++) {
        const rows = [area.y + area.height + 8 + row * (height + CLEARANCE), area.y - 8 - height - row * (height + CLEARANCE)];
        for (let shift = 0; !best && shift <= area.width; shift += 16)
          for (const y of rows)
            for (const x of new Set([clamp(region.x - width / 2 + shift), clamp(region.x - width / 2 - shift)])) {
              const box = { x, y, width, height };
              if (!best && free(box) && (row > 40 || !crossesLabel(box)))
                best = { box, cost: Infinity, edge: toward(box), distance: LEADER_FROM };
            }
      }
    }
    placed.push(best.box);
    if (best.distance < LEADER_FROM) return { box: roundBox(best.box) };
    const leader = [...best.edge, ...nearestOn(best.box, best.edge)].map(round) as [number, number, number, number];
    leaders.push(leader);
    return { box: roundBox(best.box), leader };
  });
}

const minus = ([ax, ay]: [number, number], [bx, by]: [number, number]): [number, number] => [ax - bx, ay - by];

/** The point of `box` nearest to `point`. */
function nearestOn(box: Box, [x, y]: [number, number]): [number, number] {
  return [Math.min(Math.max(x, box.x), box.x + box.width), Math.min(Math.max(y, box.y), box.y + box.height)];
}

const roundBox = (box: Box): Box => ({ x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) });

/** What would make the map hard to read; all zero on a good layout. */
export interface MapFaults {
  /** Pairs of labels whose boxes overlap. */
  labelsOverlapping: number;
  /** Dots that a label's box covers, even in part. */
  dotsCovered: number;
  /** Leader lines that run through another label. */
  leadersThroughLabels: number;
}

/** Checks a laid-out map for labels over labels, labels over dots and leaders through labels. */
export function mapFaults(layout: Pick<CorpusMapLayout, 'dots' | 'labels' | 'radius'>): MapFaults {
  const { dots, labels, radius } = layout;
  let labelsOverlapping = 0;
  for (let a = 0; a < labels.length; a++)
    for (let b = a + 1; b < labels.length; b++) if (boxesOverlap(labels[a].box, labels[b].box)) labelsOverlapping++;
  const dotsCovered = dots.filter((dot) => labels.some((label) => circleHitsBox(dot.cx, dot.cy, radius, label.box))).length;
  const leadersThroughLabels = labels.filter(
    ({ leader }, i) => leader && labels.some((other, j) => j !== i && segmentCrossesBox(...leader, other.box)),
  ).length;
  return { labelsOverlapping, dotsCovered, leadersThroughLabels };
}
