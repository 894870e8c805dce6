/**
 * `npm run daily [-- --date YYYY-MM-DD]`: the archive's daily update, as the scheduled workflow
 * (.github/workflows/daily.yml) runs it: the Hugging Face papers of the day (yesterday, UTC, by
 * default), then arXiv ids for any new paper whose source gave none. Each step is `npm run fetch`;
 * the first that fails stops the update with its message and a non-zero exit, leaving content/ as it
 * was, so the site is not rebuilt from a half-fetched day. `npm run build` comes after.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { date: { type: 'string' } } });
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const date = values.date || yesterday;
const fetchScript = fileURLToPath(new URL('./fetch.ts', import.meta.url));

for (const args of [['hf', '--date', date], ['resolve']]) {
  const { status } = spawnSync(process.execPath, [fetchScript, ...args], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`daily: fetch ${args.join(' ')} failed; content/ was left as it was`);
    process.exit(status || 1);
  }
}
console.log(`daily: ${date} fetched; run npm run build to publish it`);
