/**
 * `npm run bench [-- --cases build,enrich,suggest,search,quality] [--build-corpora 1000,10000,real] [--huge]
 *   [--repeat N] [--naive-max 10000] [--sizes 1000,10000] [--search-size 10000] [--out FILE]`
 *
 * Measures Abstracta on seeded synthetic corpora (see `harness/synthetic.ts`) and the real Hugging Face
 * papers kept as fixtures, each case in a fresh child process so its peak memory is its own, and
 * writes the results to docs/benchmarks.md (cases not run keep their last results there).
 * - `build` (`bench/build.ts`): `npm run build` end to end on synthetic corpora of the sizes in
 *   `--build-corpora` (`--huge` adds 100,000) and the real corpus (`real`), then a rebuild with no
 *   change and one after adding a digest, and a naive MDX site on the same papers (up to `--naive-max`
 *   papers) for a ratio; with the chart of time against N. `--repeat N` measures each corpus N times
 *   and checks the targets on the medians (this machine's timings vary by 10–20%). Results are kept in
 *   docs/benchmarks-build.json: a corpus not built keeps its last row, and `--build-corpora ''` only
 *   rewrites the section;
 * - `enrich` (`bench/enrich.ts`): the ingest pipeline's analysis steps and the MDX and YAML writing,
 *   on papers already parsed;
 * - `suggest` (`bench/suggest.ts`): `topics:suggest` on the real Hugging Face papers kept as fixtures;
 * - `search` (`bench/search-case.ts`): a synthetic site built for real, and search and page weight
 *   measured on it in headless Chromium;
 * - `quality` (`bench/search-quality.ts`): recall@10 and MRR@10 of typed queries (typos, title words,
 *   keywords, parts of names) on the real corpus, through the site's search and a BM25 baseline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild, type BuildCase } from './bench/build.ts';
import { buildChart, buildSection, combineRepeats, mergeBuildResults } from './bench/build-report.ts';
import { analysisMs, enrichSection, runEnrich, runEnrichReal, type EnrichResult } from './bench/enrich.ts';
import { runSearchQuality, searchQualitySection, type SearchQualityResult } from './bench/search-quality.ts';
import { reportText, versions } from './bench/report.ts';
import { kb, pagesSection, runSearch, searchSection, type SearchResult } from './bench/search-case.ts';
import { withScratch } from './bench/scratch.ts';
import { runSuggest, suggestSection, type SuggestResult } from './bench/suggest.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'search-size': { type: 'string', default: '500,10000' },
    cases: { type: 'string', default: 'build,enrich,suggest,search,quality' },
    'build-corpora': { type: 'string', default: '1000,10000,real' },
    repeat: { type: 'string', default: '1' },
    huge: { type: 'boolean' },
    'naive-max': { type: 'string', default: '10000' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    child: { type: 'string' },
  },
});

/** Runs `args` of this script in a fresh process and returns its JSON answer. */
function child<T>(args: string[]): T {
  const output = execFileSync(process.execPath, [process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

/** Builds every corpus asked for; a corpus that fails (out of memory, say) is reported as such, the others still are. */
function buildCases(corpora: readonly string[], repeat: number): { builds: BuildCase[]; failed: string[] } {
  const builds: BuildCase[] = [];
  const failed: string[] = [];
  for (const corpus of corpora) {
    try {
      // Each run in a fresh process and folder; the runs of a corpus become one case (see combineRepeats).
      builds.push(combineRepeats(Array.from({ length: repeat }, () => child<BuildCase>(['--child', `build:${corpus}`]))));
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr || error)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ');
      failed.push(`${corpus}: ${reason}`);
      console.error(`bench build ${corpus} failed: ${reason}`);
    }
  }
  return { builds, failed };
}

/** The build section: corpora built this time replace their rows; the others keep their last results (with their date). */
function buildReport(builds: readonly BuildCase[], failed: readonly string[]): string {
  const saved = join(dirname(values.out), 'benchmarks-build.json');
  const all = mergeBuildResults(existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as BuildCase[]) : [], builds);
  writeFileSync(saved, `${JSON.stringify(all, null, 1)}\n`);
  const chart = join(dirname(values.out), 'benchmarks-build.svg');
  if (all.length) writeFileSync(chart, buildChart(all));
  return buildSection(all, failed, relative(dirname(values.out), chart), versions());
}

if (values.child?.startsWith('build:')) {
  console.log(JSON.stringify(await runBuild(values.child.slice('build:'.length), Number(values['naive-max']))));
} else if (values.child === 'suggest') {
  console.log(JSON.stringify(runSuggest()));
} else if (values.child?.startsWith('search:')) {
  console.log(JSON.stringify(await runSearch(Number(values.child.slice('search:'.length)))));
} else if (values.child === 'quality') {
  console.log(JSON.stringify(await runSearchQuality()));
} else if (values.child === 'enrich:real') {
  console.log(JSON.stringify(runEnrichReal()));
} else if (values.child) {
  console.log(JSON.stringify(runEnrich(Number(values.child))));
} else {
  // Every case builds in one scratch folder, deleted when all are measured with what the cases added to
  // the project's caches (see bench/scratch.ts).
  withScratch(
    () => {
      const cases = new Set(values.cases.split(','));
      const sections: string[] = [];

      // 1. Whole builds. `--build-corpora ''` builds nothing and rewrites the section from the saved results.
      if (cases.has('build')) {
        const corpora = [...values['build-corpora'].split(','), ...(values.huge ? ['100000'] : [])].filter(Boolean);
        const { builds, failed } = buildCases(corpora, Math.max(1, Number(values.repeat)));
        sections.push(buildReport(builds, failed));
      }

      // 2. The analysis steps alone.
      const results: EnrichResult[] = [];
      for (const size of cases.has('enrich') ? [...values.sizes.split(','), 'real'] : []) {
        const result = child<EnrichResult>(['--child', size === 'real' ? 'enrich:real' : size]);
        results.push(result);
        console.log(
          `bench enrich ${result.corpus} ${result.papers}: keywords+topics+related ${(analysisMs(result) / 1000).toFixed(2)} s, map ${(result.steps.map / 1000).toFixed(2)} s (silhouette ${result.map.silhouette.toFixed(2)}), peak ${result.maxRssMb} MB`,
        );
      }
      if (results.length) sections.push(enrichSection(results));

      // 3. Suggesting a taxonomy.
      if (cases.has('suggest')) {
        const suggest = child<SuggestResult>(['--child', 'suggest']);
        console.log(`bench suggest: ${suggest.papers} papers in ${suggest.seconds.toFixed(2)} s, peak ${suggest.maxRssMb} MB`);
        sections.push(suggestSection(suggest));
      }

      // 4. Search and page weight on sites built for real.
      const searches = cases.has('search')
        ? values['search-size'].split(',').map((size) => child<SearchResult>(['--child', `search:${size}`]))
        : [];
      for (const run of searches) {
        console.log(
          `bench pages ${run.papers}: first load ${kb(run.pages.firstLoad.gzipBytes)} gzip, paper HTML ${kb(run.pages.meanPaperHtml)}, Lighthouse ${JSON.stringify(run.pages.lighthouse)}`,
        );
      }
      const search = searches.at(-1);
      if (search) {
        console.log(
          `bench search ${search.papers}: ${Math.round(search.firstResults.gzipBytes / 1024)} KB (gzip) to first results, median ${search.medianMs} ms from last keystroke to results`,
        );
        sections.push(searchSection(search));
        sections.push(pagesSection(searches));
      }

      // 5. Search quality: what a reader types, on the real corpus.
      if (cases.has('quality')) sections.push(searchQualitySection(child<SearchQualityResult>(['--child', 'quality'])));

      writeFileSync(values.out, reportText(sections, values.out));
      console.log(`bench: wrote ${values.out}`);
    },
    { forgetCaches: true },
  );
}
