/**
 * Positions of papers on the corpus map, laid out as a map of topics: topics first, then each topic's
 * papers inside its own region. Written at ingest as `papers/_map.json`, so the site draws the map with
 * no computation and no client JavaScript.
 *
 * Why not a projection of the text vectors: a 2-D linear projection of TF-IDF or LSA vectors keeps
 * almost none of the topic structure (the papers of all topics overlap in one blob), and neighbour
 * embeddings are slow and not stable from run to run. Instead:
 * 1. each topic's centroid is the mean of its papers' vectors, and the topics are placed by classical
 *    multidimensional scaling of the distances between centroids, so similar topics are neighbours;
 * 2. each topic gets a disc whose area is proportional to its papers, and overlapping discs are
 *    pushed apart;
 * 3. inside its disc, a topic's papers fill the points of a sunflower pattern (evenly spread, never
 *    on top of each other): the papers most like their topic in the middle, and each paper on the
 *    side facing the other topics it resembles most.
 * Linear in the papers' terms and deterministic.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { centroid, dot, dotsWith, normalize, type Vector } from './vectors.ts';

/** Terms per paper the map uses. */
const MAP_TERMS = 48;
/** Golden angle: consecutive sunflower points never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/**
 * Empty space kept between two topic discs, as a share of their mean radius: enough that the eye sees
 * two regions (and the silhouette by topic stays above 0.35), little enough that dots stay large.
 */
const GAP = 0.5;

/** Unit-square positions, rounded so that unchanged input gives byte-identical output. */
export function mapPositions(fullVectors: readonly Vector[], groups: readonly number[]): [number, number][] {
  const n = fullVectors.length;
  // A paper's heaviest terms place it as well as all of them do, at a fraction of the cost.
  const vectors = fullVectors.map((vector) => heaviest(vector, MAP_TERMS));
  if (n === 0) return [];
  // Papers without a primary topic form a region of their own.
  const groupIds = [...new Set(groups)].sort((a, b) => a - b);
  const members = groupIds.map((g) => groups.flatMap((group, i) => (group === g ? [i] : [])));
  const centroids = members.map((list) => centroid(list.map((i) => vectors[i])));
  const centres = placeDiscs(
    topicLayout(centroids),
    members.map((list) => Math.sqrt(list.length)),
  );
  // Each paper's cosine with every centroid.
  const similarities = vectors.map(dotsWith(centroids));
  const positions: [number, number][] = new Array(n);
  members.forEach((list, g) => {
    const placed = fillDisc(list, g, similarities, centres);
    list.forEach((paper, k) => (positions[paper] = placed[k]));
  });
  return toUnitSquare(positions, centres);
}

/** The `count` heaviest entries of `vector` (ties by term), renormalized. */
function heaviest(vector: Vector, count: number): Vector {
  if (vector.size <= count) return vector;
  const entries = [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count);
  return normalize(new Map(entries));
}

/** 2-D positions of the topics from classical MDS of the centroid distances (1 − cosine). */
export function topicLayout(centroids: readonly Vector[]): [number, number][] {
  const t = centroids.length;
  if (t === 1) return [[0, 0]];
  if (t === 2)
    return [
      [-0.5, 0],
      [0.5, 0],
    ];
  // Double-centred squared distances: B = −½ J D² J.
  const d2 = Matrix.zeros(t, t);
  for (let a = 0; a < t; a++)
    for (let b = a + 1; b < t; b++) {
      const d = 1 - dot(centroids[a], centroids[b]);
      d2.set(a, b, d * d);
      d2.set(b, a, d * d);
    }
  const rowMeans = d2.mean('row');
  const all = d2.mean();
  const centred = Matrix.zeros(t, t);
  for (let a = 0; a < t; a++) for (let b = 0; b < t; b++) centred.set(a, b, -0.5 * (d2.get(a, b) - rowMeans[a] - rowMeans[b] + all));
  const { realEigenvalues, eigenvectorMatrix } = new EigenvalueDecomposition(centred, { assumeSymmetric: true });
  const order = realEigenvalues.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value || a.index - b.index);
  return centroids.map((_, a) => {
    const coordinate = (k: number) => {
      const { value, index } = order[k];
      // Each axis's sign is fixed (its largest component positive), so the map does not mirror between runs.
      const column = eigenvectorMatrix.getColumn(index);
      const sign = Math.sign(column.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0)) || 1;
      return sign * column[a] * Math.sqrt(Math.max(value, 0));
    };
    return [coordinate(0), coordinate(1)];
  });
}

/** A disc per topic at (x, y) with radius r. */
interface Disc {
  x: number;
  y: number;
  r: number;
}

/**
 * Discs of the given radii around the MDS positions, packed: the layout is scaled so discs stand about
 * as far apart as they need to, then pulled towards its centre and pushed apart where two overlap,
 * round after round, until it is compact with a gap between every two discs. Neighbours in the MDS
 * stay neighbours, and a topic unlike all others no longer sits alone far out, shrinking the rest.
 */
export function placeDiscs(layout: readonly [number, number][], radii: readonly number[]): Disc[] {
  const discs = layout.map(([x, y], i) => ({ x, y, r: radii[i] }));
  const clearance = (a: Disc, b: Disc) => a.r + b.r + (GAP * (a.r + b.r)) / 2;
  let ratio = 0;
  let pairs = 0;
  for (let a = 0; a < discs.length; a++)
    for (let b = a + 1; b < discs.length; b++) {
      const distance = Math.hypot(discs[a].x - discs[b].x, discs[a].y - discs[b].y);
      ratio += clearance(discs[a], discs[b]) / Math.max(distance, 1e-9);
      pairs++;
    }
  const scale = pairs ? ratio / pairs : 1;
  for (const disc of discs) {
    disc.x *= scale;
    disc.y *= scale;
  }
  for (let round = 0; round < 60; round++) {
    // Pull towards the area-weighted centre, harder vertically: the map is drawn wider than tall...
    const area = discs.reduce((sum, d) => sum + d.r * d.r, 0);
    const cx = discs.reduce((sum, d) => sum + d.x * d.r * d.r, 0) / area;
    const cy = discs.reduce((sum, d) => sum + d.y * d.r * d.r, 0) / area;
    for (const disc of discs) {
      disc.x = cx + (disc.x - cx) * 0.9;
      disc.y = cy + (disc.y - cy) * 0.8;
    }
    // ...then separate.
    separate(discs, clearance);
  }
  separate(discs, clearance, 500);
  return discs;
}

/** Pushes overlapping discs apart along the line between them until none overlaps (or `rounds` pass). */
function separate(discs: Disc[], clearance: (a: Disc, b: Disc) => number, rounds = 50): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let a = 0; a < discs.length; a++)
      for (let b = a + 1; b < discs.length; b++) {
        const [p, q] = [discs[a], discs[b]];
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let distance = Math.hypot(dx, dy);
        const need = clearance(p, q);
        if (distance >= need) continue;
        if (distance < 1e-9) [dx, dy, distance] = [Math.cos(a + b), Math.sin(a + b), 1];
        // The smaller disc moves more, so large topics keep their place.
        const push = need - distance + 1e-6;
        const share = (q.r * q.r) / (p.r * p.r + q.r * q.r);
        p.x -= (dx / distance) * push * share;
        p.y -= (dy / distance) * push * share;
        q.x += (dx / distance) * push * (1 - share);
        q.y += (dy / distance) * push * (1 - share);
        moved = true;
      }
    if (!moved) return;
  }
}

/**
 * Positions for the papers `list` of topic `g` inside its disc: sunflower points, innermost for the
 * papers most similar to their topic's centroid; within each ring, papers are matched to points by
 * angle, each towards the other topics it resembles.
 */
function fillDisc(list: readonly number[], g: number, similarities: readonly Float64Array[], discs: readonly Disc[]): [number, number][] {
  const disc = discs[g];
  const n = list.length;
  // Directions from this topic's disc to every other.
  const towards = discs.map((other) => {
    const length = Math.hypot(other.x - disc.x, other.y - disc.y) || 1;
    return [(other.x - disc.x) / length, (other.y - disc.y) / length];
  });
  const papers = list.map((paper, k) => {
    const own = similarities[paper];
    let dx = 0;
    let dy = 0;
    own.forEach((similarity, t) => {
      if (t === g) return;
      dx += towards[t][0] * similarity;
      dy += towards[t][1] * similarity;
    });
    return { k, own: own[g], angle: Math.atan2(dy, dx) };
  });
  // Sunflower points, by radius; the slot radius goes as √(i/n) so the disc fills evenly.
  const points = Array.from({ length: n }, (_, i) => {
    const radius = disc.r * Math.sqrt((i + 0.5) / n);
    const angle = i * GOLDEN_ANGLE;
    return { radius, angle: Math.atan2(Math.sin(angle), Math.cos(angle)) };
  });
  const byCloseness = [...papers].sort((a, b) => b.own - a.own || a.k - b.k);
  const placed: [number, number][] = new Array(n);
  // Rings of about √n points: a paper keeps its distance from the centre within a ring and takes the
  // ring's point nearest its direction, in angular order.
  const ring = Math.max(1, Math.round(Math.sqrt(n)));
  for (let start = 0; start < n; start += ring) {
    const ringPapers = byCloseness.slice(start, start + ring).sort((a, b) => a.angle - b.angle || a.k - b.k);
    const ringPoints = points.slice(start, start + ring).sort((a, b) => a.angle - b.angle);
    // Rotate the match so the papers' directions line up with the points' as well as they can.
    const shift = bestRotation(
      ringPapers.map((p) => p.angle),
      ringPoints.map((p) => p.angle),
    );
    ringPapers.forEach((paper, i) => {
      const point = ringPoints[(i + shift) % ringPoints.length];
      placed[paper.k] = [disc.x + point.radius * Math.cos(point.angle), disc.y + point.radius * Math.sin(point.angle)];
    });
  }
  return placed;
}

/** The cyclic shift of `points` (both sorted) that best matches `wanted` angle for angle. */
function bestRotation(wanted: readonly number[], points: readonly number[]): number {
  let best = 0;
  let bestCost = Infinity;
  for (let shift = 0; shift < points.length; shift++) {
    let cost = 0;
    for (let i = 0; i < wanted.length; i++) cost += 1 - Math.cos(wanted[i] - points[(i + shift) % points.length]);
    if (cost < bestCost - 1e-12) [best, bestCost] = [shift, cost];
  }
  return best;
}

/** Scales everything into the unit square (same scale on both axes, centred), rounded to 4 places. */
function toUnitSquare(positions: readonly [number, number][], discs: readonly Disc[]): [number, number][] {
  const minX = Math.min(...discs.map((d) => d.x - d.r));
  const maxX = Math.max(...discs.map((d) => d.x + d.r));
  const minY = Math.min(...discs.map((d) => d.y - d.r));
  const maxY = Math.max(...discs.map((d) => d.y + d.r));
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const offsetX = (span - (maxX - minX)) / 2;
  const offsetY = (span - (maxY - minY)) / 2;
  const unit = (value: number) => Math.round(Math.min(Math.max(value, 0), 1) * 10000) / 10000;
  return positions.map(([x, y]) => [unit((x - minX + offsetX) / span), unit((y - minY + offsetY) / span)]);
}

/**
 * Mean silhouette of 2-D points grouped by `groups` (Euclidean distance): near 1 when every group
 * sits apart from the others, near 0 or below when groups overlap. Computed on at most `sample`
 * points (evenly spaced), against all points.
 */
export function silhouette2d(points: readonly [number, number][], groups: readonly number[], sample = 1500): number {
  const ids = [...new Set(groups)];
  if (ids.length < 2) return 0;
  const stride = Math.max(1, Math.floor(points.length / sample));
  let total = 0;
  let counted = 0;
  for (let i = 0; i < points.length; i += stride) {
    const sums = new Map<number, { sum: number; count: number }>(ids.map((id) => [id, { sum: 0, count: 0 }]));
    points.forEach(([x, y], j) => {
      if (j === i) return;
      const entry = sums.get(groups[j])!;
      entry.sum += Math.hypot(x - points[i][0], y - points[i][1]);
      entry.count++;
    });
    const own = sums.get(groups[i])!;
    if (own.count === 0) continue;
    const a = own.sum / own.count;
    const b = Math.min(
      ...ids.filter((id) => id !== groups[i] && sums.get(id)!.count > 0).map((id) => sums.get(id)!.sum / sums.get(id)!.count),
    );
    total += (b - a) / Math.max(a, b);
    counted++;
  }
  return counted ? total / counted : 0;
}

/** The map file's text: one `{ id, x, y }` per paper, sorted by slug. */
export function mapFile(slugs: readonly string[], positions: readonly [number, number][]): string {
  const points = slugs.map((id, i) => ({ id, x: positions[i][0], y: positions[i][1] })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return `${JSON.stringify(points, null, 1)}\n`;
}
