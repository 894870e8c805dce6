/**
 * `npm run fetch` against a local server that replays real recorded answers (tests/fixtures/) and the
 * failures a network gives. Every run is the real command in a child process, on a copy of the
 * content folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyContent, fingerprint, ingest } from '../helpers/content.ts';
import { FIXTURES, NODE, ROOT } from '../helpers/paths.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';

let server: ReplayServer;
let content: string;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  content = copyContent();
  server.requests.length = 0;
  return () => rmSync(content, { recursive: true, force: true });
});

/** Runs `npm run fetch -- ...args` (without blocking this process, which serves the answers). */
function fetchCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(NODE, [join(ROOT, 'scripts/fetch.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ABSTRACTA_CONTENT: content,
        ABSTRACTA_HF_API: server.url,
        ABSTRACTA_ARXIV_API: server.url,
        ABSTRACTA_FETCH_TIMEOUT_MS: '1000',
        ABSTRACTA_FETCH_BACKOFF_MS: '50',
        ABSTRACTA_ARXIV_PAUSE_MS: '200',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const day = (date: string) => readFileSync(join(FIXTURES, 'hf-daily-papers', date.slice(0, 4), `${date}.json`), 'utf8');
const written = (name: string) => join(content, 'digests', name);

describe('npm run fetch -- hf', () => {
  it('saves a day as content/digests/YYYY-MM-DD.json, byte for byte, asking as Abstracta', async () => {
    const run = await fetchCommand(['hf', '--date', '2024-07-08']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(written('2024-07-08.json'), 'utf8')).toBe(day('2024-07-08'));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].query.get('date')).toBe('2024-07-08');
    expect(server.requests[0].headers['user-agent']).toMatch(/^Abstracta\//);
    // What it wrote is what ingest reads.
    expect(ingest(content).status).toBe(0);
  });

  it('fetches a range one day at a time, and writes nothing for a day without papers', async () => {
    server.script('2024-07-09', [{ kind: 'body', body: '[]' }]);
    const run = await fetchCommand(['hf', '--from', '2024-07-08', '--to', '2024-07-10']);
    expect(run.status).toBe(0);
    expect(server.requests.map((r) => r.query.get('date'))).toEqual(['2024-07-08', '2024-07-09', '2024-07-10']);
    expect(existsSync(written('2024-07-08.json'))).toBe(true);
    expect(existsSync(written('2024-07-09.json'))).toBe(false);
    expect(existsSync(written('2024-07-10.json'))).toBe(true);
    expect(run.stdout).toMatch(/wrote .*2024-07-10\.json/);
  });

  it('leaves a day that has not changed alone, and replaces one that has', async () => {
    await fetchCommand(['hf', '--date', '2024-07-08']);
    const before = statSync(written('2024-07-08.json')).mtimeMs;
    const same = await fetchCommand(['hf', '--date', '2024-07-08']);
    expect(same.stdout).toMatch(/nothing new to write/);
    expect(statSync(written('2024-07-08.json')).mtimeMs).toBe(before);
    const grown = day('2024-07-08').replace(/"upvotes": ?(\d+)/, (_, n) => `"upvotes": ${Number(n) + 5}`);
    server.script('2024-07-08', [{ kind: 'body', body: grown }]);
    const changed = await fetchCommand(['hf', '--date', '2024-07-08']);
    expect(changed.stdout).toMatch(/wrote .*2024-07-08\.json \(\d+ papers, changed\)/);
    expect(readFileSync(written('2024-07-08.json'), 'utf8')).toBe(grown);
  });

  it('waits as a 429 asks (Retry-After) and tries again; tries again after a 500', async () => {
    server.script('2024-07-08', [{ kind: 'body', status: 429, body: 'slow down', headers: { 'Retry-After': '1' } }]);
    server.script('2024-07-10', [{ kind: 'body', status: 500, body: 'oops' }]);
    const run = await fetchCommand(['hf', '--from', '2024-07-08', '--to', '2024-07-10']);
    expect(run.status).toBe(0);
    const first = server.requests.filter((r) => r.query.get('date') === '2024-07-08');
    expect(first).toHaveLength(2);
    expect(first[1].at - first[0].at).toBeGreaterThanOrEqual(950);
    expect(server.requests.filter((r) => r.query.get('date') === '2024-07-10')).toHaveLength(2);
    expect(run.stderr).toMatch(/HTTP 429.*trying again in 1 s/);
    expect(readFileSync(written('2024-07-10.json'), 'utf8')).toBe(day('2024-07-10'));
  });

  it.each([
    ['an answer that never comes', { kind: 'hang' as const }, /no answer within 1 s/],
    ['a body cut short', { kind: 'truncated' as const }, /the connection failed/],
    ['a server error every time', { kind: 'body' as const, status: 503, body: 'down' }, /HTTP 503/],
  ])(
    'gives up on %s after its retries, says so, and writes nothing',
    async (_, reply, message) => {
      const before = fingerprint(content);
      server.script(
        '2024-07-10',
        Array.from({ length: 5 }, () => reply),
      );
      const run = await fetchCommand(['hf', '--from', '2024-07-08', '--to', '2024-07-10']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/nothing was written/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      // Not even the day that came through before the failure.
      expect(fingerprint(content)).toEqual(before);
    },
    30_000,
  );

  it('refuses an HTML error page where daily-papers JSON was expected', async () => {
    const before = fingerprint(content);
    server.script('2024-07-08', [
      { kind: 'body', type: 'text/html', body: '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>' },
    ]);
    const run = await fetchCommand(['hf', '--date', '2024-07-08']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the answer is not usable: .*not valid JSON/);
    expect(fingerprint(content)).toEqual(before);
  });

  it('fetches and checks with --dry-run, and writes nothing', async () => {
    const before = fingerprint(content);
    const run = await fetchCommand(['hf', '--date', '2024-07-08', '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/would write .*2024-07-08\.json/);
    expect(fingerprint(content)).toEqual(before);
  });

  it('says how to use it when the dates are wrong', async () => {
    const run = await fetchCommand(['hf', '--date', '8 July']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/hf needs --date, or --from and --to, as YYYY-MM-DD/);
  });
});

describe('npm run fetch -- arxiv', () => {
  it('saves the answer for a list of ids', async () => {
    const run = await fetchCommand(['arxiv', '--ids', '2407.03418,2501.00001']);
    expect(run.status).toBe(0);
    expect(server.requests[0].query.get('id_list')).toBe('2407.03418,2501.00001');
    expect(run.stdout).toMatch(/wrote .*arxiv-ids-[0-9a-f]{8}\.xml \(5 papers, new\)/);
    expect(ingest(content).status).toBe(0);
  });

  it('pages through a large query, one request at a time and a pause apart', async () => {
    const run = await fetchCommand(['arxiv', '--query', 'cat:cs.CL AND ti:retrieval', '--max', '150']);
    expect(run.status).toBe(0);
    expect(server.requests.map((r) => [r.query.get('start'), r.query.get('max_results')])).toEqual([
      ['0', '100'],
      ['100', '50'],
    ]);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(190);
    expect(run.stdout.match(/wrote /g)).toHaveLength(2);
  });
});

describe('npm run fetch -- resolve', () => {
  it('records only confident matches, lists the rest, and ingest links the matched paper to arXiv', async () => {
    // The answer arXiv gives for HEMM's title, made from the real record of the paper.
    const hemm = (JSON.parse(day('2024-07-08')) as { paper: { id: string; title: string; summary: string } }[]).find((e) =>
      e.paper.title.startsWith('HEMM'),
    )!.paper;
    const feedOf = (id: string, title: string, summary: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLBuilder({ ignoreAttributes: false }).build({
        feed: {
          '@_xmlns': 'http://www.w3.org/2005/Atom',
          entry: [{ id: `http://arxiv.org/abs/${id}v1`, title, summary, published: '2024-07-03T17:00:00Z' }],
        },
      })}`;
    server.arxivTitle('HEMM Holistic Evaluation', feedOf(hemm.id, hemm.title, hemm.summary));
    // A paper arXiv answers with a different paper under the same title: never recorded.
    server.arxivTitle('Foundation Models for Music', feedOf('2501.00001', 'Foundation Models for Music: A Survey', hemm.summary));
    const run = await fetchCommand(['resolve'], { ABSTRACTA_ARXIV_PAUSE_MS: '0' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const titleSearches = server.requests.filter((r) => r.query.get('search_query')?.startsWith('ti:'));
    expect(titleSearches).toHaveLength(83);
    expect(run.stdout).toMatch(/wrote .*resolved\.yaml \(1 papers matched, 82 left out\)/);
    expect(run.stdout).toMatch(/left out \(no arXiv paper with this title and abstract\): Foundation Models for Music/);
    const resolved = readFileSync(join(content, 'resolved.yaml'), 'utf8');
    expect(resolved).toMatch(/title: "?HEMM: Holistic Evaluation of Multimodal Foundation Models"?\n\s+arxiv: "?2407\.03418"?/);
    // Ingest reads it: the paper gets its id and its way to the full paper.
    expect(ingest(content).status).toBe(0);
    const entry = readFileSync(join(content, 'papers', 'hemm-holistic-evaluation-of-multimodal-foundation-models.mdx'), 'utf8');
    expect(entry).toMatch(/arxiv: "?2407\.03418"?/);
    expect(entry).toContain('https://arxiv.org/abs/2407.03418');
    // Asked again, it looks up only the papers still without an id.
    server.requests.length = 0;
    await fetchCommand(['resolve'], { ABSTRACTA_ARXIV_PAUSE_MS: '0' });
    expect(server.requests).toHaveLength(82);
  }, 60_000);
});
