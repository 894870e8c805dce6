/** The taxonomy benchmark: `topics:suggest` on the real Hugging Face papers kept as test fixtures. */
import { join } from 'node:path';
import { suggestTopics } from '../analysis/suggest-topics.ts';
import { filesIn, parseDigests } from '../ingest/inputs.ts';
import { mergePapers } from '../ingest/merge.ts';
import { ROOT } from './site.ts';

export interface SuggestResult {
  papers: number;
  seconds: number;
  k: number;
  maxRssMb: number;
}

const FIXTURE_DAYS = join('tests', 'fixtures', 'hf-daily-papers', '2026');

/** Parses, merges and clusters the fixture days (run in a child process so the peak memory is its own). */
export function runSuggest(): SuggestResult {
  const started = performance.now();
  const papers = mergePapers(parseDigests(filesIn(join(ROOT, FIXTURE_DAYS)), []));
  const { k } = suggestTopics(papers);
  return {
    papers: papers.length,
    seconds: (performance.now() - started) / 1000,
    k,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The report's section on suggesting a taxonomy. */
export function suggestSection(suggest: SuggestResult): string {
  return `## Suggesting a taxonomy

\`npm run topics:suggest\` on the ${suggest.papers} real Hugging Face papers in \`${FIXTURE_DAYS}\`
(LSA, spherical k-means for every k in range with restarts, silhouette, c-TF-IDF names):
${suggest.seconds.toFixed(1)} s, k = ${suggest.k}, peak RSS ${suggest.maxRssMb} MB.
`;
}
