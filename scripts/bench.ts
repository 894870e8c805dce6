/**
 * `npm run bench [-- --sizes 1000,10000] [--out docs/benchmarks.md]`
 *
 * Measures Abstracta on seeded synthetic corpora (see `lib/synthetic.ts`), each size in a fresh
 * child process so its peak memory is its own. Case `enrich`: the ingest pipeline's analysis steps
 * (TF-IDF vectors, topics, keywords, related papers, the corpus map) and the MDX and YAML writing, on
 * papers already parsed. Results are printed and written to docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn, parseDigests } from './lib/inputs.ts';
import { mergePapers, enrichPapers } from './lib/pipeline.ts';
import { relatedPapers } from './lib/related.ts';
import { suggestTopics } from './lib/suggest-topics.ts';
import { syntheticPapers, syntheticTopics } from './lib/synthetic.ts';
import { buildCorpus, dot } from './lib/vectors.ts';

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
    out: { type: 'string', default: 'docs/benchmarks.md' },
    child: { type: 'string' },
  },
});

/** Runs `args` of this script in a fresh process and returns its JSON answer. */
function child<T>(args: string[]): T {
  const output = execFileSync(process.execPath, [process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

if (values.child === 'suggest') {
  console.log(JSON.stringify(runSuggest()));
} else if (values.child) {
  console.log(JSON.stringify(runEnrich(Number(values.child))));
} else {
  const sizes = values.sizes.split(',').map(Number);
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
  const suggest = child<SuggestResult>(['--child', 'suggest']);
  console.log(`bench suggest: ${suggest.papers} papers in ${suggest.seconds.toFixed(2)} s, peak ${suggest.maxRssMb} MB`);
  const recall = results
    .filter((r) => r.recall)
    .map((r) => `| ${r.papers.toLocaleString('en')} | ${(r.recall!.top1 * 100).toFixed(1)}% | ${(r.recall!.top5 * 100).toFixed(1)}% |`);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const text = `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpu}.
Synthetic corpora from \`scripts/lib/synthetic.ts\` (seed 42, 20 themes, 150–250-word abstracts), each size
in a fresh process. Times in seconds.

## Analysis at ingest: vectors, topics, keywords, related papers

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

## Suggesting a taxonomy

\`npm run topics:suggest\` on the ${suggest.papers} real Hugging Face papers in \`tests/fixtures/hf-daily-papers/2026\`
(LSA, spherical k-means for every k in range with restarts, silhouette, c-TF-IDF names):
${suggest.seconds.toFixed(1)} s, k = ${suggest.k}, peak RSS ${suggest.maxRssMb} MB.
`;
  writeFileSync(values.out, text);
  console.log(`bench: wrote ${values.out}`);
}
