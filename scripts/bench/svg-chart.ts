/**
 * A small log–log line chart as standalone SVG, for benchmark reports (build time against papers).
 * Built as a hast tree with hastscript and serialized by hast-util-to-html, which escapes the labels.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';

export interface Series {
  name: string;
  color: string;
  points: readonly (readonly [number, number])[];
  /** Draw points only, no line (a single measured corpus). */
  markersOnly?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  width?: number;
  height?: number;
}

/** 1-2-5 steps of every decade within [min, max]. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const tick = decade * step;
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

const label = (value: number) => (value >= 1000 ? `${value / 1000}k` : String(value));
const f = (n: number) => Number(n.toFixed(1));

/** The decades around `values`: a log axis from the power of ten below the least to the one above the most. */
function decades(values: readonly number[]): [number, number] {
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}

export function lineChart({ title, xLabel, yLabel, series, width = 640, height = 400 }: ChartOptions): string {
  const margin = { top: 40, right: 170, bottom: 50, left: 60 };
  const all = series.flatMap((serie) => serie.points);
  const [xMin, xMax] = decades(all.map(([px]) => px));
  const [yMin, yMax] = decades(all.map(([, py]) => py));
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const scale = (v: number, min: number, max: number) => (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
  const x = (v: number) => f(margin.left + scale(v, xMin, xMax) * plotW);
  const y = (v: number) => f(margin.top + plotH - scale(v, yMin, yMax) * plotH);
  const children: Element[] = [
    s('rect', { width, height, fill: '#fff' }),
    s('text', { x: margin.left, y: 22, fontSize: 14, fontWeight: 600 }, title),
  ];
  for (const tick of logTicks(xMin, xMax)) {
    children.push(s('line', { x1: x(tick), x2: x(tick), y1: margin.top, y2: margin.top + plotH, stroke: '#e5e5e5' }));
    children.push(s('text', { x: x(tick), y: margin.top + plotH + 16, textAnchor: 'middle', fill: '#444' }, label(tick)));
  }
  for (const tick of logTicks(yMin, yMax)) {
    children.push(s('line', { x1: margin.left, x2: margin.left + plotW, y1: y(tick), y2: y(tick), stroke: '#e5e5e5' }));
    children.push(s('text', { x: margin.left - 6, y: f(y(tick) + 4), textAnchor: 'end', fill: '#444' }, label(tick)));
  }
  children.push(s('rect', { x: margin.left, y: margin.top, width: plotW, height: plotH, fill: 'none', stroke: '#999' }));
  children.push(s('text', { x: margin.left + plotW / 2, y: height - 12, textAnchor: 'middle' }, xLabel));
  children.push(s('text', { transform: `translate(16 ${margin.top + plotH / 2}) rotate(-90)`, textAnchor: 'middle' }, yLabel));
  for (const [index, serie] of series.entries()) {
    const points = [...serie.points].sort((a, b) => a[0] - b[0]);
    if (!serie.markersOnly && points.length > 1) {
      const line = points.map(([px, py]) => `${x(px)},${y(py)}`).join(' ');
      children.push(s('polyline', { fill: 'none', stroke: serie.color, strokeWidth: 2, points: line }));
    }
    for (const [px, py] of points) children.push(s('circle', { cx: x(px), cy: y(py), r: 4, fill: serie.color }));
    const ly = margin.top + 10 + index * 20;
    children.push(s('rect', { x: margin.left + plotW + 14, y: ly - 6, width: 12, height: 12, fill: serie.color }));
    children.push(s('text', { x: margin.left + plotW + 32, y: ly + 4 }, serie.name));
  }
  const svg = s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      fontFamily: 'system-ui, sans-serif',
      fontSize: 12,
      role: 'img',
      ariaLabel: title,
    },
    children,
  );
  return `${toHtml(svg, { space: 'svg' })}\n`;
}
