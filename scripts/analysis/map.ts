/**
 * Positions of papers on the corpus map: each paper's LSA vector projected on the two directions
 * that best separate the primary topics (see `project2d`), scaled into the unit square. Written at ingest as `papers/_map.json` so the
 * site draws the map with no computation and no client JavaScript.
 */
import { lsa, project2d } from './math/lsa.ts';
import type { Vector } from './vectors.ts';

/** LSA dimensions behind the map: the broad structure is all a 2-D picture can show. */
const MAP_DIMENSIONS = 32;

/** Unit-square positions, rounded so that unchanged input gives byte-identical output. */
export function mapPositions(vectors: readonly Vector[], groups?: readonly number[]): [number, number][] {
  if (vectors.length < 3) return vectors.map((_, i) => [(i + 1) / (vectors.length + 1), 0.5]);
  const points = project2d(lsa(vectors, MAP_DIMENSIONS), groups);
  const scale = (values: number[]) => {
    const min = Math.min(...values);
    const span = Math.max(...values) - min || 1;
    return values.map((value) => Math.round(((value - min) / span) * 10000) / 10000);
  };
  const xs = scale(points.map(([x]) => x));
  const ys = scale(points.map(([, y]) => y));
  return xs.map((x, i) => [x, ys[i]]);
}

/** The map file's text: one `{ id, x, y }` per paper, sorted by slug. */
export function mapFile(slugs: readonly string[], positions: readonly [number, number][]): string {
  const points = slugs.map((id, i) => ({ id, x: positions[i][0], y: positions[i][1] })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return `${JSON.stringify(points, null, 1)}\n`;
}
