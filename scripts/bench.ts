/**
 * `npm run bench [-- --cases build,enrich,suggest,search] [--build-corpora 1000,10000,real] [--huge]
 *   [--naive-max 10000] [--sizes 1000,10000] [--search-size 10000] [--out FILE]`
 *
 * Measures Abstracta on seeded synthetic corpora (see `harness/synthetic.ts`) and the real Hugging Face
 * papers kept as fixtures, each case in a fresh child process so its peak memory is its own, and
 * writes the results to docs/benchmarks.md (cases not run keep their last results there).
 * - `build`: `npm run build` end to end on synthetic corpora of the sizes in `--build-corpora`
 *   (`--huge` adds 100,000) and the real corpus (`real`), then a rebuild with no change and one after
 *   adding a digest, and a naive MDX site on the same papers (up to `--naive-max` papers) for a ratio;
 *   with the chart of time against N. Results are kept in docs/benchmarks-build.json: a corpus not
 *   built keeps its last row, and `--build-corpora ''` only rewrites the section;
 * - `enrich`: the ingest pipeline's analysis steps (TF-IDF vectors, topics, keywords, related papers,
 *   the corpus map) and the MDX and YAML writing, on papers already parsed;
 * - `suggest`: `topics:suggest` on the real Hugging Face papers kept as test fixtures;
 * - `search`: a synthetic site built for real, and search measured on it in headless Chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { filesIn, parseDigests } from './ingest/inputs.ts';
import { mergePapers } from './ingest/merge.ts';
import { enrichPapers } from './ingest/pipeline.ts';
import { relatedPapers } from './analysis/related.ts';
import { suggestTopics } from './analysis/suggest-topics.ts';
import { syntheticPapers, syntheticTopics } from './harness/synthetic.ts';
import { buildCorpus, dot } from './analysis/vectors.ts';
import { addSyntheticDigest, buildSyntheticSite, realCorpusFiles, ROOT, writeRealContent, writeSyntheticContent } from './bench/site.ts';
import { measureCase, type BuildCase } from './bench/build.ts';
import { buildChart, buildSection, mergeBuildResults } from './bench/build-report.ts';
import { measureSearch, type SearchMeasurement } from './bench/search.ts';
import { measurePages, type PageMeasurement } from './bench/pages.ts';

interface EnrichResult {
  papers: number;
  steps: Record<string, number>;
  maxRssMb: number;
  /** Agreement of related papers with an exhaustive search, on a sample. */
  recall?: { top1: number; top5: number; sample: number };
}

interface SuggestResult {
  papers: number;
  seconds: number;
  k: number;
  maxRssMb: number;
}

/** Related papers against an exhaustive cosine search on `sample` papers: how much the index misses. */
function relatedRecall(size: number, sample: number): EnrichResult['recall'] {
  const docs = syntheticPapers(size);
  const corpus = buildCorpus(docs);
  const found = relatedPapers(docs.map((_, i) => ({ vector: corpus.vectors[i], topics: ['t'], identity: String(i) })));
  let top1 = 0;
  let top5 = 0;
  for (let i = 0; i < sample; i++) {
    const exact = docs
      .map((_, j) => ({ j, s: j === i ? -1 : dot(corpus.vectors[i], corpus.vectors[j]) }))
      .sort((a, b) => b.s - a.s || a.j - b.j)
      .slice(0, 5)
      .map(({ j }) => j);
    if (found[i][0] === exact[0]) top1++;
    top5 += found[i].filter((j) => exact.includes(j)).length / 5;
  }
  return { top1: top1 / sample, top5: top5 / sample, sample };
}

/** topics:suggest on the real Hugging Face papers kept as test fixtures. */
function runSuggest(): SuggestResult {
  const started = performance.now();
  const papers = mergePapers(parseDigests(filesIn(join('tests', 'fixtures', 'hf-daily-papers', '2026')), []));
  const { k } = suggestTopics(papers);
  return {
    papers: papers.length,
    seconds: (performance.now() - started) / 1000,
    k,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The child: one size, one case, JSON on stdout. */
function runEnrich(size: number): EnrichResult {
  const papers = syntheticPapers(size);
  const digest = {
    source: 'synthetic.txt',
    date: '01-01',
    papers: papers.map((p, i) => ({ title: p.title, abstract: p.abstract, line: i + 1 })),
  };
  const steps: Record<string, number> = {};
  const time = <T>(step: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    steps[step] = (steps[step] ?? 0) + (performance.now() - started);
    return result;
  };
  const merged = time('clean', () => mergePapers([digest]));
  enrichPapers(merged, syntheticTopics(), new Map(), time);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { papers: size, steps, maxRssMb, recall: relatedRecall(size, 200) };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'search-size': { type: 'string', default: '500,10000' },
    cases: { type: 'string', default: 'build,enrich,suggest,search' },
    'build-corpora': { type: 'string', default: '1000,10000,real' },
    huge: { type: 'boolean' },
    'naive-max': { type: 'string', default: '10000' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    child: { type: 'string' },
  },
});

interface SearchResult extends SearchMeasurement {
  papers: number;
  ingestSeconds: number;
  buildSeconds: number;
  pagefindBytes: number;
  pages: PageMeasurement;
}

/** A synthetic site built for real, then search measured on it in Chromium. */
async function runSearch(size: number): Promise<SearchResult> {
  const site = buildSyntheticSite(size);
  try {
    const measured = await measureSearch(site.dist);
    const firstPaper = readdirSync(join(site.dist, 'papers')).find((name) => !['page', 'by-title', 'index.html'].includes(name))!;
    const pages = await measurePages(site.dist, `/papers/${firstPaper}/`);
    const pagefindBytes = Number(execFileSync('du', ['-sb', join(site.dist, 'pagefind')], { encoding: 'utf8' }).split('\t')[0]);
    return { ...measured, papers: size, ingestSeconds: site.ingestSeconds, buildSeconds: site.buildSeconds, pagefindBytes, pages };
  } finally {
    rmSync(site.dir, { recursive: true, force: true });
  }
}

/** One corpus built end to end (see `bench/build.ts`); `corpus` is a size or `real`. */
async function runBuild(corpus: string): Promise<BuildCase> {
  const work = mkdtempSync(join(tmpdir(), `abstracta-bench-build-${corpus}-`));
  const content = join(work, 'content');
  const log = (line: string) => console.error(`bench build ${line}`);
  try {
    if (corpus === 'real') {
      const files = realCorpusFiles();
      writeRealContent(content, files.slice(0, -1));
      const add = () => {
        writeRealContent(content, files.slice(-1));
        return (JSON.parse(readFileSync(files.at(-1)!, 'utf8')) as unknown[]).length;
      };
      return { ...(await measureCase('real HF', work, add, true, log)), date: new Date().toISOString().slice(0, 10) };
    }
    const size = Number(corpus);
    writeSyntheticContent(content, size);
    const result = await measureCase('synthetic', work, () => addSyntheticDigest(content, size), size <= Number(values['naive-max']), log);
    return { ...result, date: new Date().toISOString().slice(0, 10) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs `args` of this script in a fresh process and returns its JSON answer. */
function child<T>(args: string[]): T {
  const output = execFileSync(process.execPath, [process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

if (values.child?.startsWith('build:')) {
  console.log(JSON.stringify(await runBuild(values.child.slice('build:'.length))));
} else if (values.child === 'suggest') {
  console.log(JSON.stringify(runSuggest()));
} else if (values.child?.startsWith('search:')) {
  console.log(JSON.stringify(await runSearch(Number(values.child.slice('search:'.length)))));
} else if (values.child) {
  console.log(JSON.stringify(runEnrich(Number(values.child))));
} else {
  const cases = new Set(values.cases.split(','));
  // `--build-corpora ''` builds nothing and rewrites the section from the saved results.
  const buildCorpora = cases.has('build')
    ? [...values['build-corpora'].split(','), ...(values.huge ? ['100000'] : [])].filter(Boolean)
    : [];
  // A corpus that fails (out of memory, say) is reported as such; the others still are.
  const builds: BuildCase[] = [];
  const failedBuilds: string[] = [];
  for (const corpus of buildCorpora) {
    try {
      builds.push(child<BuildCase>(['--child', `build:${corpus}`]));
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr || error)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ');
      failedBuilds.push(`${corpus}: ${reason}`);
      console.error(`bench build ${corpus} failed: ${reason}`);
    }
  }
  const sizes = cases.has('enrich') ? values.sizes.split(',').map(Number) : [];
  const results: EnrichResult[] = [];
  for (const size of sizes) {
    const result = child<EnrichResult>(['--child', String(size)]);
    results.push(result);
    const analysis = result.steps.vectors + result.steps.topics + result.steps.keywords + result.steps.related;
    console.log(`bench enrich ${size}: keywords+topics+related ${(analysis / 1000).toFixed(2)} s, peak ${result.maxRssMb} MB`);
  }
  const ms = (value: number | undefined) => ((value ?? 0) / 1000).toFixed(2);
  const rows = results.map((r) => {
    const analysis = r.steps.vectors + r.steps.topics + r.steps.keywords + r.steps.related;
    return `| ${r.papers.toLocaleString('en')} | ${ms(r.steps.clean)} | ${ms(r.steps.vectors)} | ${ms(r.steps.topics)} | ${ms(r.steps.keywords)} | ${ms(r.steps.related)} | **${ms(analysis)}** | ${ms(r.steps.map)} | ${ms(r.steps.mdx)} | ${r.maxRssMb} |`;
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const suggest = cases.has('suggest') ? child<SuggestResult>(['--child', 'suggest']) : undefined;
  if (suggest) console.log(`bench suggest: ${suggest.papers} papers in ${suggest.seconds.toFixed(2)} s, peak ${suggest.maxRssMb} MB`);
  const searches = cases.has('search')
    ? values['search-size'].split(',').map((size) => child<SearchResult>(['--child', `search:${size}`]))
    : [];
  const search = searches.at(-1);
  for (const run of searches) {
    console.log(
      `bench pages ${run.papers}: first load ${kb(run.pages.firstLoad.gzipBytes)} gzip, paper HTML ${kb(run.pages.meanPaperHtml)}, Lighthouse ${JSON.stringify(run.pages.lighthouse)}`,
    );
  }
  if (search) {
    console.log(
      `bench search ${search.papers}: ${Math.round(search.firstResults.gzipBytes / 1024)} KB (gzip) to first results, median ${search.medianMs} ms from last keystroke to results`,
    );
  }
  const recall = results
    .filter((r) => r.recall)
    .map((r) => `| ${r.papers.toLocaleString('en')} | ${(r.recall!.top1 * 100).toFixed(1)}% | ${(r.recall!.top5 * 100).toFixed(1)}% |`);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const versions = () => {
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    return `Node ${process.version}, Astro ${version('astro')}, @astrojs/mdx ${version('@astrojs/mdx')}, Pagefind ${version('pagefind')}; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB.`;
  };
  const sections = [
    `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpu}.
Synthetic corpora from \`scripts/harness/synthetic.ts\` (seed 42, 20 themes, 150–250-word abstracts), each
case in a fresh process. Times in seconds. Re-run one case with \`npm run bench -- --cases search\`.
`,
  ];
  if (cases.has('build')) {
    // Corpora built this time replace their rows; the others keep their last results (with their date).
    const saved = join(dirname(values.out), 'benchmarks-build.json');
    const all = mergeBuildResults(existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as BuildCase[]) : [], builds);
    writeFileSync(saved, `${JSON.stringify(all, null, 1)}\n`);
    const chart = join(dirname(values.out), 'benchmarks-build.svg');
    if (all.length) writeFileSync(chart, buildChart(all));
    sections.push(buildSection(all, failedBuilds, relative(dirname(values.out), chart), versions()));
  }
  if (results.length) {
    sections.push(`## Analysis at ingest: vectors, topics, keywords, related papers

The target (issue 3) is keywords, topics and related papers for 10,000 papers in under 10 s and under
1.5 GB. "Analysis" is vectors + topics + keywords + related; the map (LSA and projection) and the MDX and
YAML serialization are shown beside it. Peak RSS is the whole process, synthetic generation included.

| papers | clean | vectors | topics | keywords | related | analysis | map | MDX+YAML | peak RSS (MB) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Related papers come from an inverted index: exact cosines while the index is small (the seed, and a
few thousand real papers), a candidate search over each paper's heaviest terms beyond that. Agreement
with an exhaustive search on the first ${results[0]?.recall?.sample ?? 0} papers (the synthetic corpus is a hard case: 20 themes
of 8 phrases each, so many near-ties):

| papers | same best related paper | overlap of the five |
| ---: | ---: | ---: |
${recall.join('\n')}
`);
  }
  if (suggest) {
    sections.push(`## Suggesting a taxonomy

\`npm run topics:suggest\` on the ${suggest.papers} real Hugging Face papers in \`tests/fixtures/hf-daily-papers/2026\`
(LSA, spherical k-means for every k in range with restarts, silhouette, c-TF-IDF names):
${suggest.seconds.toFixed(1)} s, k = ${suggest.k}, peak RSS ${suggest.maxRssMb} MB.
`);
  }
  if (search) {
    const first = search.firstResults;
    const fixed = ['WebAssembly', 'page table (pf_meta)', 'pagefind.js'].reduce((sum, kind) => sum + (search.breakdown[kind] ?? 0), 0);
    sections.push(`## Search on a ${search.papers.toLocaleString('en')}-paper site

The site is built for real (\`npm run ingest\`: ${search.ingestSeconds.toFixed(1)} s, \`astro build\` with Pagefind:
${search.buildSeconds.toFixed(1)} s; the Pagefind bundle is ${kb(search.pagefindBytes)} on disk), served from localhost and used in
headless Chromium through playwright-core (\`scripts/bench/search.ts\`).

- **Bytes from opening search to the first results** for the one-word query "${first.query}", from the
  browser's Resource Timing: ${first.requests} requests, ${kb(first.bytes)} as served here, **${kb(first.gzipBytes)}** from a host that
  gzips text (Pagefind's index files are compressed already). Target: under 150 KB. The topic counts
  follow once the results are on screen: ${kb(search.untilIdle.gzipBytes)} in all until search is idle.
- **Median time from the last keystroke to rendered results**: **${search.medianMs} ms** over ${search.latencies.length} one-word
  queries typed at 40 ms a key (a keydown listener and a MutationObserver on the status line, both in
  the page). Target: under 100 ms. All: ${search.latencies.join(', ')} ms.

Where the bytes to the first results go (gzip): ${Object.entries(search.breakdown)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
      .join(', ')}. Pagefind's WebAssembly, its page table (a few bytes per page, and more per sort key) and
pagefind.js are fixed costs of Pagefind 1.6: here they alone are ${kb(fixed)}, against a target of 150 KB.
What Abstracta controls is kept small: no web worker (43 KB more), no filter data until the results are
shown, result data fetched only for the results displayed, and nothing at all before search is opened.
`);
  }
  if (searches.length) {
    const scores = (run: SearchResult, page: string) =>
      ['performance', 'accessibility', 'best-practices', 'seo'].map((key) => run.pages.lighthouse[page]?.[key] ?? '–').join(' / ');
    sections.push(`## Pages: weight and Lighthouse

The same synthetic sites (\`scripts/bench/pages.ts\`). First load is everything a paper page fetches
before any search (HTML, stylesheet, the theme script, the search bootstrap, the favicon), from the
browser's Resource Timing, and gzipped as a host would send it. Lighthouse 12 runs Debian's Chromium
through chrome-launcher; scores are performance / accessibility / best practices / SEO.

| papers | first load (served) | first load (gzip) | requests | scripts | mean paper page HTML | Lighthouse, home | Lighthouse, paper |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${searches
  .map(
    (run) =>
      `| ${run.papers.toLocaleString('en')} | ${kb(run.pages.firstLoad.bytes)} | **${kb(run.pages.firstLoad.gzipBytes)}** | ${run.pages.firstLoad.requests} | ${run.pages.firstLoad.scripts} | ${kb(run.pages.meanPaperHtml)} | ${scores(run, 'home')} | ${scores(run, 'paper')} |`,
  )
  .join('\n')}

Targets: under 20 KB on first load with no JavaScript beyond a small search loader, and page size
independent of the number of papers (the sidebar lists at most 12 papers of a topic, the home page 12,
the paper index 50 a page).
`);
  }
  // Cases not run this time keep their last results.
  const order = ['## Building', '## Analysis', '## Suggesting', '## Search', '## Pages'];
  const rank = (section: string) => order.findIndex((prefix) => section.startsWith(prefix));
  const previous = existsSync(values.out)
    ? readFileSync(values.out, 'utf8')
        .split(/\n(?=## )/)
        .slice(1)
    : [];
  for (const kept of previous) {
    if (rank(kept) >= 0 && !sections.some((section) => rank(section) === rank(kept))) sections.push(`${kept.trimEnd()}\n`);
  }
  const [header, ...rest] = sections;
  const text = [header, ...rest.sort((a, b) => rank(a) - rank(b))].join('\n');
  writeFileSync(values.out, text);
  console.log(`bench: wrote ${values.out}`);
}
