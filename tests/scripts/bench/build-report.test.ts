import { describe, expect, it } from 'vitest';
import type { BuildCase } from '../../../scripts/bench/build.ts';
import { buildSection, checkTargets, combineRepeats, mergeBuildResults } from '../../../scripts/bench/build-report.ts';

const run = (ms: number, peakRssMb = 1000) => ({ ms, peakRssMb, output: '', steps: { ingest: ms / 3, astro: ms / 2 } });
const fake = (corpus: string, papers: number, full: number, extra: Partial<BuildCase> = {}): BuildCase => ({
  corpus,
  papers,
  digests: papers / 25,
  full: run(full),
  noChange: run(full * 0.02),
  addOne: run(full * 1.1),
  added: 25,
  distBytes: papers * 20_000,
  meanPaperPage: 17_500,
  ...extra,
});

describe('checkTargets', () => {
  it('says which targets are met and which are missed, with what bounds a miss', () => {
    const targets = checkTargets([fake('synthetic', 1000, 7000), fake('synthetic', 10_000, 48_000)]);
    const byName = (start: string) => targets.find((t) => t.name.startsWith(start))!;
    expect(byName('10,000 papers end to end').met).toBe(true);
    expect(byName('rebuild with no change').met).toBe(true);
    expect(byName('10,000 papers: adding one digest')).toMatchObject({ met: false, measured: '52.8 s = 110%' });
    expect(byName('10,000 papers: adding one digest').bound).toMatch(/ingest .* Astro .* search index/);
    expect(byName('10,000 papers: ingest from a clean state')).toMatchObject({ met: false, measured: '16.0 s' });
    expect(byName('ms per paper').met).toBe(true);
    expect(byName('paper page HTML').met).toBe(true);
  });

  it("bounds a missed update by its measured CPU time: half the total on two cores, and Pagefind's one thread", () => {
    const ten = fake('synthetic', 10_000, 30_000, {
      addOne: { ...run(17_000), cpu: { 'astro.mjs': 9.1, 'ingest.ts': 3.5, 'build.ts': 1.6, pagefind_extend: 10.5, esbuild: 0.1 } },
    });
    const daily = checkTargets([ten]).find((t) => t.name.startsWith('10,000 papers: adding one digest'))!;
    expect(daily.met).toBe(false);
    expect(daily.bound).toContain(
      "the update used 24.8 s in all (Astro 9.1 s, ingest 3.5 s, Pagefind's indexer 10.5 s, the build's own process, which makes the search records, 1.6 s)",
    );
    expect(daily.bound).toContain('so on two cores no arrangement of it takes under 12.4 s = 41% of the full build');
    expect(daily.bound).toContain("Pagefind's indexer alone, one thread that must finish before the site is done, is 35% of it");
    // Floors measured off the table are said only for a run without CPU times of its own.
    expect(daily.bound).not.toContain('not kept as the table');
    const withoutCpu = checkTargets([fake('synthetic', 10_000, 30_000)]).find((t) =>
      t.name.startsWith('10,000 papers: adding one digest'),
    )!;
    expect(withoutCpu.bound).toContain('not kept as the table');
  });

  it('bounds a first ingest by the CPU time its threads used in the full build', () => {
    const ten = fake('synthetic', 10_000, 30_000, { full: { ...run(30_000), cpu: { 'ingest.ts': 17.3, 'astro.mjs': 40 } } });
    const clean = checkTargets([ten]).find((t) => t.name.startsWith('10,000 papers: ingest from a clean state'))!;
    expect(clean.bound).toMatch(
      /^In the full build in the table, ingest's threads used 17\.3 s of CPU time: on two cores, at least 8\.7 s/,
    );
    expect(clean.bound).not.toContain('not kept as the table');
    expect(checkTargets([fake('synthetic', 10_000, 30_000)]).find((t) => t.name.startsWith('10,000 papers: ingest'))!.bound).toContain(
      'not kept as the table',
    );
  });

  it('misses the rate at 10,000 papers over 50 s', () => {
    const rateTarget = checkTargets([fake('synthetic', 10_000, 51_100)]).find((t) => t.name.startsWith('10,000 papers end to end'));
    expect(rateTarget).toMatchObject({ met: false, measured: '51.1 s, 196 papers/s' });
  });

  it('checks the real corpus against the plain MDX site of the same run, and its ingest and daily update', () => {
    const real = fake('seed + HF', 2850, 20_000, {
      naive: { ...run(26_000), pages: 2850, meanPaperPage: 1000 },
      forcedIngest: run(700),
      addOne: run(6_000),
    });
    const targets = checkTargets([real]);
    const byName = (part: string) => targets.find((t) => t.name.includes(part))!;
    expect(byName('plain MDX site')).toMatchObject({ met: false, measured: '20.0 s vs 26.0 s = 0.77×' });
    expect(byName('forced ingest')).toMatchObject({ met: true, measured: '0.7 s' });
    expect(byName('ingest from a clean state')).toMatchObject({ met: false, measured: '6.7 s' });
    expect(byName('adding one digest ≤ 35%')).toMatchObject({ met: true, measured: '6.0 s = 30%' });
  });
});

describe('combineRepeats', () => {
  const realRun = (full: number, naive: number, addOne: number) =>
    fake('seed + HF', 2850, full, { naive: { ...run(naive), pages: 2850, meanPaperPage: 1000 }, addOne: run(addOne) });

  it('is the one run when there is one', () => {
    const only = realRun(20_000, 26_000, 6000);
    expect(combineRepeats([only])).toBe(only);
  });

  it('checks the targets on the median of every run, not on one lucky run', () => {
    // Three runs with noisy times: one alone would meet the ratio (0.69×), the median does not.
    const runs = [realRun(17_300, 25_200, 11_200), realRun(20_500, 21_200, 13_200), realRun(18_600, 21_100, 9_900)];
    const combined = combineRepeats(runs);
    // The run with the median full build stands for the case in the table.
    expect(combined.full.ms).toBe(18_600);
    expect(combined.repeats).toHaveLength(3);
    const targets = checkTargets([combined]);
    const byName = (part: string) => targets.find((t) => t.name.includes(part))!;
    expect(byName('plain MDX site')).toMatchObject({
      met: false,
      measured: '18.6 s vs 21.2 s = 0.88× (median of 3 runs: 0.69× to 0.97×)',
    });
    expect(byName('ingest from a clean state').measured).toBe('6.2 s (median of 3 runs: 5.8 s to 6.8 s)');
    expect(byName('adding one digest ≤ 35%')).toMatchObject({ met: false, measured: '11.2 s = 64% (median of 3 runs: 53% to 65%)' });
    expect(buildSection([combined], [], 'chart.svg', 'Node 24')).toContain('seed + HF 2,850 3 times');
  });

  it('takes the middle of an even number of runs', () => {
    const runs = [realRun(10_000, 20_000, 3000), realRun(14_000, 20_000, 3000)];
    const ratio = checkTargets([combineRepeats(runs)]).find((t) => t.name.includes('plain MDX site'))!;
    expect(ratio).toMatchObject({ met: true, measured: '12.0 s vs 20.0 s = 0.60× (median of 2 runs: 0.50× to 0.70×)' });
  });
});

describe('mergeBuildResults', () => {
  it('replaces re-run corpora and keeps the others', () => {
    const old = [fake('synthetic', 1000, 9000), fake('synthetic', 100_000, 600_000), fake('real HF', 2720, 22_000)];
    const merged = mergeBuildResults(old, [fake('synthetic', 1000, 7000), fake('synthetic', 10_000, 50_000)]);
    expect(merged.map((c) => [c.corpus, c.papers, c.full.ms])).toEqual([
      ['synthetic', 1000, 7000],
      ['synthetic', 10_000, 50_000],
      ['synthetic', 100_000, 600_000],
      ['real HF', 2720, 22_000],
    ]);
  });
});

describe('buildSection', () => {
  it('lists missed targets with their bounds, and failed corpora', () => {
    const text = buildSection([fake('synthetic', 10_000, 48_000)], ['100000: Invalid string length'], 'chart.svg', 'Node 24');
    expect(text).toContain('![Build time against papers](chart.svg)');
    expect(text).toMatch(/Failed: `100000: Invalid string length`/);
    expect(text).toMatch(/\*\*Missed, and what bounds them\.\*\*/);
    // The missed target is followed by what bounds it (the explanation's text may change).
    expect(text).toMatch(/- \*100,000 papers complete under 8 GB\*: the build failed\. \S.{40,}/);
    expect(text).toMatch(/- \*10,000 papers: ingest from a clean state ≤ 6 s\*: 16\.0 s\. \S.{40,}/);
  });
});
