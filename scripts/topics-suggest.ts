/**
 * `npm run topics:suggest -- [--out FILE] [--k N] [digest files or folders...]`
 *
 * Clusters the papers of the given digests (default: content/digests/) and writes a draft taxonomy,
 * by default to content/topics.suggested.yaml, never over your content/topics.yaml.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shown, type InputError } from './shared/errors.ts';
import { contentPaths } from './ingest/content-memo.ts';
import { filesIn, parseDigests, reportErrors } from './ingest/inputs.ts';
import { mergePapers } from './ingest/merge.ts';
import { suggestionYaml, suggestTopics } from './analysis/suggest-topics.ts';
import { writeFileAtomic } from './shared/atomic-write.ts';

function main(): number {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, k: { type: 'string' }, 'min-k': { type: 'string' }, 'max-k': { type: 'string' } },
  });
  const paths = contentPaths();
  const inputs = positionals.length ? positionals.map((p) => resolve(p)) : [paths.digests];
  const files = inputs.flatMap((path) =>
    existsSync(path) && statSync(path).isDirectory() ? filesIn(path).filter((f) => !/LICENSE/i.test(f)) : [path],
  );
  const missing = files.find((path) => !existsSync(path));
  if (missing) {
    console.error(`topics:suggest: ${shown(missing)}: no such file`);
    return 2;
  }
  const errors: InputError[] = [];
  const digests = parseDigests(files, errors);
  if (errors.length) return reportErrors('topics:suggest', errors, 'no suggestion written');
  const papers = mergePapers(digests);
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const suggestion = suggestTopics(papers, { k: number(values.k), kMin: number(values['min-k']), kMax: number(values['max-k']) });
  const out = resolve(values.out ?? resolve(paths.dir, 'topics.suggested.yaml'));
  writeFileAtomic(out, new TextEncoder().encode(suggestionYaml(suggestion, papers.length, files.length)));
  console.log(
    `topics:suggest: ${papers.length} papers from ${files.length} files → ${suggestion.k} topics in ${shown(out)} (${Math.round(performance.now() - started)} ms)`,
  );
  for (const topic of suggestion.topics) console.log(`  ${String(topic.size).padStart(5)}  ${topic.title}`);
  return 0;
}

process.exitCode = main();
