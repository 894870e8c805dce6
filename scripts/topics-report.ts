/**
 * `npm run topics:report [-- --check]`
 *
 * Runs the ingest pipeline in memory (nothing is written) and prints how the papers fall into
 * topics, which ones no term reached, and each paper's best related paper. With `--check`, exits 1
 * when a target is missed.
 */
import { parseArgs } from 'node:util';
import { contentPaths } from './ingest/content-memo.ts';
import { readContent, reportErrors } from './ingest/inputs.ts';
import { mergePapers } from './ingest/merge.ts';
import { enrichPapers } from './ingest/pipeline.ts';
import { formatReport, topicsReport } from './analysis/topics-report.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
const { digests, topics, resolved, previous, errors } = readContent(contentPaths());
if (errors.length) {
  process.exitCode = reportErrors('topics:report', errors, 'no report');
} else {
  const report = topicsReport(
    enrichPapers(mergePapers(digests, resolved), topics, { pinned: previous.pinned, previous: previous.entries }),
    topics,
  );
  console.log(formatReport(report));
  if (values.check && report.checks.some((check) => !check.ok)) process.exitCode = 1;
}
