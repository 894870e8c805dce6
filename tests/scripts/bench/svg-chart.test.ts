import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { lineChart, logTicks } from '../../../scripts/bench/svg-chart.ts';

describe('logTicks', () => {
  it('gives 1-2-5 steps of each decade in range', () => {
    expect(logTicks(100, 10_000)).toEqual([100, 200, 500, 1000, 2000, 5000, 10_000]);
  });
});

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Build time <by> papers & more',
    xLabel: 'papers',
    yLabel: 'seconds',
    series: [
      {
        name: 'Abstracta',
        color: '#1f6feb',
        points: [
          [10_000, 41],
          [1000, 9],
        ],
      },
      { name: 'real "HF" corpus', color: '#d97706', points: [[2737, 15]], markersOnly: true },
    ],
  });
  const $ = load(svg, { xml: true });

  it('is standalone SVG with escaped labels', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Build time &#x3C;by> papers &#x26; more');
    expect($('text').filter((_, t) => $(t).text() === 'real "HF" corpus').length).toBe(1);
  });

  it('draws a line for a series and markers for every point, higher values higher up', () => {
    expect($('polyline').length).toBe(1);
    expect($('circle').length).toBe(3);
    const [small, large] = $('polyline')
      .attr('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(large[0]).toBeGreaterThan(small[0]);
    expect(large[1]).toBeLessThan(small[1]);
  });
});
