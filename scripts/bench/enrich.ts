/**
 * The analysis benchmark: the ingest pipeline's analysis steps (TF-IDF vectors, topics, keywords,
 * related papers, the corpus map) and the MDX and YAML writing, on synthetic papers already parsed
 * and on the real corpus, plus how often the related-papers index agrees with an exhaustive search
 * and how legible the corpus map is (topics apart, labels hiding nothing).
 */
import { contentPaths } from '../ingest/content-memo.ts';
import { readContent } from '../ingest/inputs.ts';
import { mergePapers } from '../ingest/merge.ts';
import { enrichPapers } from '../ingest/pipeline.ts';
import { relatedPapers } from '../analysis/related.ts';
import { mapQuality, type TopicsReport } from '../analysis/topics-report.ts';
import { buildCorpus, dot } from '../analysis/vectors.ts';
import { syntheticPapers, syntheticTopics } from '../harness/synthetic.ts';
import { stepTimer } from '../shared/progress.ts';
import { discard, scratchFolder } from './scratch.ts';
import { realCorpusFiles, writeRealContent } from './site.ts';

export interface EnrichResult {
  /** `synthetic`, or `real` (the seed and the Hugging Face fixtures). */
  corpus: string;
  papers: number;
  steps: Record<string, number>;
  maxRssMb: number;
  /** The corpus map: silhouette by primary topic, and what its labels hide. */
  map: TopicsReport['map'];
  /** Agreement of related papers with an exhaustive search, on a sample. */
  recall?: { top1: number; top5: number; sample: number };
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

/** One size, timed step by step (run in a child process so the peak memory is its own). */
export function runEnrich(size: number): EnrichResult {
  const papers = syntheticPapers(size);
  const digest = {
    source: 'synthetic.txt',
    date: '01-01',
    papers: papers.map((p, i) => ({ title: p.title, abstract: p.abstract, line: i + 1 })),
  };
  const steps = new Map<string, number>();
  const time = stepTimer(steps);
  const merged = time('clean', () => mergePapers([digest]));
  const topics = syntheticTopics();
  const map = mapQuality(enrichPapers(merged, topics, { time }), topics);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { corpus: 'synthetic', papers: size, steps: Object.fromEntries(steps), maxRssMb, map, recall: relatedRecall(size, 200) };
}

/** The real corpus (seed and Hugging Face fixtures, with the seed's taxonomy), read and timed step by step. */
export function runEnrichReal(): EnrichResult {
  const dir = scratchFolder('abstracta-enrich-');
  try {
    writeRealContent(dir, realCorpusFiles());
    const { digests, topics, resolved } = readContent(contentPaths(dir));
    const steps = new Map<string, number>();
    const time = stepTimer(steps);
    const merged = time('clean', () => mergePapers(digests, resolved));
    const enriched = enrichPapers(merged, topics, { time });
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { corpus: 'real', papers: enriched.length, steps: Object.fromEntries(steps), maxRssMb, map: mapQuality(enriched, topics) };
  } finally {
    discard(dir);
  }
}

/** Milliseconds of the analysis proper: vectors, topics, keywords and related papers. */
export const analysisMs = (result: EnrichResult) =>
  result.steps.vectors + result.steps.topics + result.steps.keywords + result.steps.related;

/** The report's section on the analysis at ingest. */
export function enrichSection(results: readonly EnrichResult[]): string {
  const s = (value: number | undefined) => ((value ?? 0) / 1000).toFixed(2);
  const rows = results.map(
    (r) =>
      `| ${r.corpus} | ${r.papers.toLocaleString('en')} | ${s(r.steps.clean)} | ${s(r.steps.vectors)} | ${s(r.steps.topics)} | ${s(r.steps.keywords)} | ${s(r.steps.related)} | **${s(analysisMs(r))}** | ${s(r.steps.map)} | ${s(r.steps.mdx)} | ${r.maxRssMb} |`,
  );
  const recall = results
    .filter((r) => r.recall)
    .map((r) => `| ${r.papers.toLocaleString('en')} | ${(r.recall!.top1 * 100).toFixed(1)}% | ${(r.recall!.top5 * 100).toFixed(1)}% |`);
  return `## Analysis at ingest: vectors, topics, keywords, related papers

The target (issue 3) is keywords, topics and related papers for 10,000 papers in under 10 s and under
1.5 GB. "Analysis" is vectors + topics + keywords + related; the map (LSA and projection) and the MDX and
YAML serialization are shown beside it. Peak RSS is the whole process, synthetic generation included.
The real corpus is the seed and the Hugging Face fixtures (\`tests/fixtures/hf-daily-papers/\`) with the
seed's 13 topics.

| corpus | papers | clean | vectors | topics | keywords | related | analysis | map | MDX+YAML | peak RSS (MB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Related papers come from an inverted index: exact cosines while the index is small (the seed, and a
few thousand real papers), a candidate search over each paper's heaviest terms beyond that. Agreement
with an exhaustive search on the first ${results[0]?.recall?.sample ?? 0} papers (the synthetic corpus is a hard case: 20 themes
of 8 phrases each, so many near-ties):

| papers | same best related paper | overlap of the five |
| ---: | ---: | ---: |
${recall.join('\n')}

### The corpus map

The map on \`/topics/\` (issue 15): topics laid out first from how alike their papers are, each topic's
papers in a disc of its own. The silhouette of the positions grouped by primary topic is near 1 when
topics sit apart and 0 or below when they overlap (target ≥ 0.35). The labels are placed as the page
places them and checked for overlaps (target: none). The map step (its share of ingest) targets ≤ 1 s
at 10,000 papers; \`npm run topics:report\` prints the same two checks for any content folder.

| corpus | papers | map step (s) | silhouette by primary topic | labels over labels | dots under labels | leaders through labels |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${results.map((r) => `| ${r.corpus} | ${r.papers.toLocaleString('en')} | ${s(r.steps.map)} | ${r.map.silhouette.toFixed(2)} | ${r.map.faults.labelsOverlapping} | ${r.map.faults.dotsCovered} | ${r.map.faults.leadersThroughLabels} |`).join('\n')}
`;
}
