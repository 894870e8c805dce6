/**
 * The build section of docs/benchmarks.md: a table per corpus, the targets of issue 7 checked one by
 * one (met, or missed by how much), and the SVG chart of build time against the number of papers.
 */
import type { BuildCase } from './bench-build.ts';
import { lineChart, type Series } from './svg-chart.ts';

const s = (ms: number) => (ms / 1000).toFixed(1);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const n = (value: number) => value.toLocaleString('en');
const rate = (papers: number, ms: number) => Math.round(papers / (ms / 1000));
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

export interface Target {
  name: string;
  met: boolean | undefined;
  measured: string;
}

/** Each target of issue 7, from the cases measured (undefined `met`: the case was not run). */
export function checkTargets(cases: readonly BuildCase[]): Target[] {
  const synthetic = (papers: number) => cases.find((c) => c.corpus === 'synthetic' && c.papers === papers);
  const small = synthetic(1000);
  const ten = synthetic(10_000);
  const huge = cases.find((c) => c.corpus === 'synthetic' && c.papers >= 100_000);
  const targets: Target[] = [];
  const add = (name: string, met: boolean | undefined, measured: string) => targets.push({ name, met, measured });
  if (ten) {
    add(
      '10,000 papers end to end at ≥ 200 papers/s (under 50 s)',
      ten.full.ms < 50_000,
      `${s(ten.full.ms)} s, ${rate(ten.papers, ten.full.ms)} papers/s`,
    );
    if (ten.naive) {
      const ratio = ten.naive.ms / ten.full.ms;
      add('at least 3× the naive MDX site (astro build only, no ingest or search)', ratio >= 3, `${ratio.toFixed(2)}×`);
    }
    add(
      'rebuild with no change under 40% of the full build',
      ten.noChange.ms < 0.4 * ten.full.ms,
      `${s(ten.noChange.ms)} s = ${pct(ten.noChange.ms, ten.full.ms)}`,
    );
    add(
      'rebuild after adding one digest under 40% of the full build',
      ten.addOne.ms < 0.4 * ten.full.ms,
      `${s(ten.addOne.ms)} s = ${pct(ten.addOne.ms, ten.full.ms)}`,
    );
    add('peak memory under 3 GB at 10,000 papers', ten.full.peakRssMb < 3 * 1024, `${(ten.full.peakRssMb / 1024).toFixed(2)} GB`);
  }
  if (huge)
    add(
      `${n(huge.papers)} papers complete under 8 GB`,
      huge.full.peakRssMb < 8 * 1024,
      `${(huge.full.peakRssMb / 1024).toFixed(2)} GB in ${s(huge.full.ms)} s`,
    );
  if (small && ten) {
    const ratio = ten.full.ms / ten.papers / (small.full.ms / small.papers);
    add(
      'ms per paper at 10,000 within 1.3× of that at 1,000',
      ratio <= 1.3,
      `${(ten.full.ms / ten.papers).toFixed(2)} vs ${(small.full.ms / small.papers).toFixed(2)} ms = ${ratio.toFixed(2)}×`,
    );
    const page = ten.meanPaperPage / small.meanPaperPage;
    add(
      'paper page HTML independent of N (within 5%)',
      Math.abs(page - 1) <= 0.05,
      `${kb(ten.meanPaperPage)} vs ${kb(small.meanPaperPage)}`,
    );
  }
  return targets;
}

/** The chart: end-to-end build time against papers, for Abstracta and the naive site. */
export function buildChart(cases: readonly BuildCase[]): string {
  const synthetic = cases.filter((c) => c.corpus === 'synthetic');
  const real = cases.filter((c) => c.corpus !== 'synthetic');
  return lineChart({
    title: 'Build time against papers (2 cores, log–log)',
    xLabel: 'papers',
    yLabel: 'seconds',
    series: (
      [
        { name: 'Abstracta, full build', color: '#1f6feb', points: synthetic.map((c) => [c.papers, c.full.ms / 1000]) },
        { name: 'Abstracta, add a digest', color: '#2da44e', points: synthetic.map((c) => [c.papers, c.addOne.ms / 1000]) },
        { name: 'Abstracta, no change', color: '#8250df', points: synthetic.map((c) => [c.papers, c.noChange.ms / 1000]) },
        {
          name: 'naive MDX site',
          color: '#cf222e',
          points: synthetic.filter((c) => c.naive).map((c) => [c.papers, c.naive!.ms / 1000]),
        },
        { name: 'real HF corpus, full', color: '#d97706', points: real.map((c) => [c.papers, c.full.ms / 1000]), markersOnly: true },
      ] satisfies Series[]
    ).filter((serie) => serie.points.length),
  });
}

/** Markdown for the build section; `chart` is the SVG's path relative to the report. */
export function buildSection(cases: readonly BuildCase[], failed: readonly string[], chart: string, versions: string): string {
  const rows = cases.map((c) => {
    const st = c.full.steps;
    const naive = c.naive
      ? `${s(c.naive.ms)} s (${rate(c.naive.pages, c.naive.ms)}/s, ${(c.naive.peakRssMb / 1024).toFixed(2)} GB)`
      : 'not run';
    const speedup = c.naive ? `${(c.naive.ms / c.full.ms).toFixed(1)}×` : '–';
    return (
      `| ${c.corpus} | ${n(c.papers)} | ${s(st.ingest)} | ${s(st.content ?? 0)} | ${s(st.pages ?? 0)} | ${s(st.pagefind ?? 0)} | ${s(st.astro ?? 0)} | ` +
      `**${s(c.full.ms)}** | **${rate(c.papers, c.full.ms)}** | ${(c.full.ms / c.papers).toFixed(2)} | ${(c.full.peakRssMb / 1024).toFixed(2)} GB | ` +
      `${mb(c.distBytes)} | ${kb(c.meanPaperPage)} | ${s(c.noChange.ms)} (${pct(c.noChange.ms, c.full.ms)}) | ` +
      `${s(c.addOne.ms)} (${pct(c.addOne.ms, c.full.ms)}) | ${naive} | ${speedup} |`
    );
  });
  const checked = checkTargets(cases);
  const targets = checked.map(
    (t) => `| ${t.name} | ${t.measured} | ${t.met === undefined ? 'not run' : t.met ? '**met**' : '**missed**'} |`,
  );
  const corpora = cases
    .map((c) => `${c.corpus} ${n(c.papers)} papers in ${n(c.digests)} digests (+${c.added} in the added one)`)
    .join('; ');
  return `## Building the site: full, no change, one more digest

\`npm run build\` (ingest, then \`astro build\` with Pagefind) measured from outside on each corpus, in a
fresh content folder with Astro's cache emptied first: ${corpora}. Synthetic corpora come as daily
digests of 25 papers; the real corpus is every Hugging Face daily-papers file in
\`tests/fixtures/hf-daily-papers/\` (2024 and 2026), ingested with the seed's 13 topics, its last day held
back to be the added digest. Peak memory is the highest sum of the resident memory of \`npm run build\` and
all its child processes, sampled from /proc every 100 ms. The naive site is a minimal Astro project on the
same MDX entries (Astro's glob loader, \`@astrojs/mdx\`, one page per paper, no ingest, no search), built
once. ${versions}

| corpus | papers | ingest | content sync | pages | Pagefind | astro in all | end to end (s) | papers/s | ms/paper | peak RSS | dist | mean paper page | no change | add a digest | naive MDX site | speed-up |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${failed.length ? `\nFailed: ${failed.map((line) => `\`${line}\``).join('; ')}.\n` : ''}
![Build time against papers](${chart})

### Targets

${
  checked.length
    ? `| target | measured | |\n| --- | --- | --- |\n${targets.join('\n')}`
    : 'The targets are about the synthetic 1,000- and 10,000-paper corpora, not run this time.'
}
`;
}
