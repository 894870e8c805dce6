/**
 * The daily workflow (.github/workflows/daily.yml), its steps run here as the workflow runs them
 * (`npm run daily`, then `npm run build`), against the local server that replays real Hugging Face
 * days: a fetched day is built into the site; a day that fails to fetch leaves content/ as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAstroLock, copyContent, fingerprint } from '../helpers/content.ts';
import { ROOT } from '../helpers/paths.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/daily.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: { date: unknown } } };
  jobs: { update: { steps: Step[] } };
};
const steps = workflow.jobs.update.steps;
const step = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));

let server: ReplayServer;
const work = mkdtempSync(join(tmpdir(), 'abstracta-daily-'));
const content = copyContent();
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

/** A workflow step's command, run with npm as the workflow does, with `extra` arguments. */
function npm(command: string, extra: string[] = []): Promise<{ status: number | null; output: string }> {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
  const words = command.split(' ').slice(1); // "npm run daily -- ..." → run daily -- ...
  return new Promise((done) => {
    const child = spawn('npm', [...words, ...extra], {
      cwd: ROOT,
      env: {
        ...env,
        ABSTRACTA_CONTENT: content,
        ABSTRACTA_HF_API: server.url,
        ABSTRACTA_ARXIV_API: server.url,
        ABSTRACTA_ARXIV_PAUSE_MS: '0',
        ABSTRACTA_FETCH_TIMEOUT_MS: '1000',
        ABSTRACTA_FETCH_BACKOFF_MS: '20',
        SITE_URL: 'https://papers.example.org',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (status) => done({ status, output }));
  });
}

describe('the daily workflow', () => {
  it('runs every day and on demand for a date: fetch, commit, build with the caches, deploy', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.on.workflow_dispatch.inputs.date).toBeDefined();
    const [fetchStep, commit, build] = [step(/^npm run daily/), step(/git commit/), step(/^npm run build$/)];
    expect(fetchStep).toBeGreaterThan(-1);
    expect(commit).toBeGreaterThan(fetchStep);
    expect(build).toBeGreaterThan(commit);
    expect(steps[build].env?.SITE_URL).toBeDefined();
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache'));
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(build);
    expect(steps[cache].with?.path).toBe('node_modules/.astro');
  });

  it("fetches a day and builds it into the site, as the workflow's steps do", async () => {
    const command = steps[step(/^npm run daily/)].run!.replace('"${{ inputs.date }}"', '2024-07-08');
    const fetched = await npm(command);
    expect(fetched.output).toMatch(/daily: 2024-07-08 fetched/);
    expect(fetched.status).toBe(0);
    expect(existsSync(join(content, 'digests/2024-07-08.json'))).toBe(true);
    const dist = join(work, 'dist');
    const release = acquireAstroLock();
    const built = await npm(steps[step(/^npm run build$/)].run!, ['--', '--outDir', dist]).finally(release);
    expect(built.status, built.output).toBe(0);
    const day = load(readFileSync(join(dist, 'digests/2024-07-08/index.html'), 'utf8'));
    expect(day('.paper-list > li').length).toBe(JSON.parse(readFileSync(join(content, 'digests/2024-07-08.json'), 'utf8')).length);
  }, 300_000);

  it('stops at a day that fails to fetch, says so, and leaves content/ as it was', async () => {
    const before = fingerprint(content);
    server.script(
      '2024-07-09',
      Array.from({ length: 5 }, () => ({ kind: 'body' as const, status: 503, body: 'down' })),
    );
    const run = await npm('npm run daily -- --date 2024-07-09');
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/HTTP 503[\s\S]*daily: fetch hf --date 2024-07-09 failed; content\/ was left as it was/);
    expect(fingerprint(content)).toEqual(before);
  }, 60_000);
});
