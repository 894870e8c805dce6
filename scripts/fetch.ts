/**
 * `npm run fetch -- <hf|arxiv|resolve> [options]`: the only command that uses the network.
 *
 *   hf --date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD
 *       Hugging Face daily papers of each day, as content/digests/YYYY-MM-DD.json (a day without
 *       papers writes nothing; a day already there is replaced only when its content changed).
 *   arxiv --ids 2407.03418,2501.00001 | --query "cat:cs.CL AND ti:retrieval" [--max 200]
 *       arXiv API Atom answers, saved into content/digests/ (pages of 100 for a large --max).
 *   resolve
 *       For every paper without an arXiv id, looks up its title on arXiv and records confident matches
 *       in content/resolved.yaml, which ingest reads; uncertain ones are listed, never recorded.
 *
 * Every answer is checked with ingest's own parsers before anything is written; requests go one at a
 * time (3 s apart for arXiv), with a timeout, retries and backoff (see fetch/http.ts); on any failure
 * the command says what failed, exits 1 and writes nothing. `--dry-run` fetches and checks but writes
 * nothing. ABSTRACTA_HF_API and ABSTRACTA_ARXIV_API point at other servers (tests, mirrors, proxies).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPaths } from './ingest/content-memo.ts';
import { readContent, reportErrors } from './ingest/inputs.ts';
import { shown } from './shared/errors.ts';
import { mergePapers } from './ingest/merge.ts';
import { resolvedFile } from './ingest/resolved.ts';
import { DEFAULT_HTTP, FetchFailure } from './fetch/http.ts';
import { daysBetween, planArxiv, planHf, resolvePapers, type FetchContext, type PlannedFile } from './fetch/plan.ts';
import { apiBases, BadAnswer } from './fetch/sources.ts';
import { writeFileAtomic } from './shared/atomic-write.ts';
import { createProgress } from './shared/progress.ts';

const USAGE = `usage: npm run fetch -- hf --date YYYY-MM-DD | hf --from YYYY-MM-DD --to YYYY-MM-DD
       npm run fetch -- arxiv --ids ID,ID,... | arxiv --query "QUERY" [--max N]
       npm run fetch -- resolve
options: --dry-run (fetch and check, write nothing)`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      ids: { type: 'string' },
      query: { type: 'string' },
      max: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const paths = contentPaths();
  const progress = createProgress('fetch');
  const context: FetchContext = {
    bases: apiBases(),
    http: { ...DEFAULT_HTTP, ...httpOverrides(), onRetry: (message) => (progress.clear(), console.warn(`fetch: ${message}`)) },
    digestsDir: paths.digests,
    arxivPauseMs: Number(process.env.ABSTRACTA_ARXIV_PAUSE_MS ?? 3000),
    log: (message) => progress.note(message),
  };
  const usage = (message: string) => {
    console.error(`fetch: ${message}\n${USAGE}`);
    return 2;
  };

  // 1. Fetch and check everything the subcommand asks for.
  let planned: PlannedFile[];
  try {
    if (command === 'hf') {
      const [from, to] = values.date ? [values.date, values.date] : [values.from, values.to];
      if (!from || !to || !DAY.test(from) || !DAY.test(to) || from > to) return usage('hf needs --date, or --from and --to, as YYYY-MM-DD');
      planned = await planHf(context, daysBetween(from, to));
    } else if (command === 'arxiv') {
      const max = Number(values.max ?? 100);
      if (values.ids)
        planned = await planArxiv(context, {
          ids: values.ids
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        });
      else if (values.query && Number.isInteger(max) && max > 0) planned = await planArxiv(context, { search: values.query, max });
      else return usage('arxiv needs --ids, or --query with an optional --max');
    } else if (command === 'resolve') {
      const { digests, resolved, errors } = readContent(paths);
      if (errors.length) return reportErrors('fetch', errors, 'nothing was fetched');
      const { found, uncertain } = await resolvePapers(context, mergePapers(digests, resolved), resolved);
      progress.clear();
      for (const { title, why } of uncertain) console.log(`fetch: left out (${why}): ${title}`);
      planned = found.length
        ? [
            {
              path: 'resolved.yaml',
              text: resolvedFile([...resolved.values(), ...found]),
              note: `${found.length} papers matched, ${uncertain.length} left out`,
            },
          ]
        : [];
    } else {
      return usage(`unknown subcommand "${command}"`);
    }
  } catch (error) {
    progress.clear();
    if (error instanceof FetchFailure || error instanceof BadAnswer) {
      console.error(`fetch: ${error.message}; nothing was written`);
      return 1;
    }
    throw error;
  }
  progress.clear();

  // 2. Write it all, each file atomically (or, with --dry-run, say what would be written).
  for (const file of planned) {
    if (!values['dry-run']) {
      mkdirSync(dirname(join(paths.dir, file.path)), { recursive: true });
      writeFileAtomic(join(paths.dir, file.path), new TextEncoder().encode(file.text));
    }
    console.log(`fetch: ${values['dry-run'] ? 'would write' : 'wrote'} ${shown(join(paths.dir, file.path))} (${file.note})`);
  }
  if (!planned.length) console.log('fetch: nothing new to write');
  return 0;
}

/** Timeouts and backoff from the environment (tests make them short). */
function httpOverrides() {
  const number = (name: string) => (process.env[name] === undefined ? undefined : Number(process.env[name]));
  return Object.fromEntries(
    Object.entries({ timeoutMs: number('ABSTRACTA_FETCH_TIMEOUT_MS'), backoffMs: number('ABSTRACTA_FETCH_BACKOFF_MS') }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

process.exitCode = await main();
