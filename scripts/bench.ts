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
import { mergePapers, enrichPapers } from './lib/pipeline.ts';
import { syntheticPapers, syntheticTopics } from './lib/synthetic.ts';

interface EnrichResult {
  papers: number;
  steps: Record<string, number>;
  maxRssMb: number;
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
  return { papers: size, steps, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    child: { type: 'string' },
  },
});

if (values.child) {
  console.log(JSON.stringify(runEnrich(Number(values.child))));
} else {
  const sizes = values.sizes.split(',').map(Number);
  const results: EnrichResult[] = [];
  for (const size of sizes) {
    const output = execFileSync(process.execPath, [process.argv[1], '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as EnrichResult;
    results.push(result);
    const analysis = result.steps.vectors + result.steps.topics + result.steps.keywords + result.steps.related;
    console.log(`bench enrich ${size}: keywords+topics+related ${(analysis / 1000).toFixed(2)} s, peak ${result.maxRssMb} MB`);
  }
  const ms = (value: number | undefined) => ((value ?? 0) / 1000).toFixed(2);
  const rows = results.map((r) => {
    const analysis = r.steps.vectors + r.steps.topics + r.steps.keywords + r.steps.related;
    return `| ${r.papers.toLocaleString('en')} | ${ms(r.steps.clean)} | ${ms(r.steps.vectors)} | ${ms(r.steps.topics)} | ${ms(r.steps.keywords)} | ${ms(r.steps.related)} | **${ms(analysis)}** | ${ms(r.steps.map)} | ${ms(r.steps.mdx)} | ${r.maxRssMb} |`;
  });
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
`;
  writeFileSync(values.out, text);
  console.log(`bench: wrote ${values.out}`);
}
