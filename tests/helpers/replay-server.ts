/**
 * A local stand-in for the Hugging Face and arXiv APIs, for the tests of `npm run fetch`: it replays
 * real recorded responses (the daily-papers days and Atom feeds kept in tests/fixtures/) and, where a
 * test asks for it, the failures a network gives: 429 with Retry-After, a 500, an answer that never
 * comes, a body cut short, an HTML error page where JSON was expected, a day without papers. Every
 * request is recorded (path, query, headers, time) so tests can check how the client behaved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from './paths.ts';

/** What the server does for one request. */
export type Reply =
  | { kind: 'fixture' }
  | { kind: 'body'; status?: number; type?: string; body: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'truncated' };

export interface Recorded {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface ReplayServer {
  url: string;
  requests: Recorded[];
  /** Replies for the next requests matching `key` (a day `YYYY-MM-DD`, or `arxiv`), in order; then fixtures again. */
  script(key: string, replies: Reply[]): void;
  /** The Atom feed to answer an arXiv title search containing `words` with (default: an empty feed). */
  arxivTitle(words: string, feed: string): void;
  close(): Promise<void>;
}

/** The recorded Hugging Face answer for `day`, if the fixtures have it. */
function hfFixture(day: string): string | undefined {
  const file = join(FIXTURES, 'hf-daily-papers', day.slice(0, 4), `${day}.json`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A real arXiv API answer (5 entries), for id and search queries. */
export const ARXIV_FEED = readFileSync(join(FIXTURES, 'arxiv-atom', 'sotawhat_arxiv_transformer.xml'), 'utf8');

/** An Atom feed with no entries, as arXiv answers a search that finds nothing. */
export const EMPTY_FEED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title><opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults></feed>\n';

export async function startReplayServer(): Promise<ReplayServer> {
  const requests: Recorded[] = [];
  const scripts = new Map<string, Reply[]>();
  const titles: { words: string; feed: string }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ path: url.pathname, query: url.searchParams, headers: request.headers, at: performance.now() });
    const key = url.pathname === '/api/daily_papers' ? (url.searchParams.get('date') ?? '') : 'arxiv';
    const reply = scripts.get(key)?.shift() ?? { kind: 'fixture' };
    if (reply.kind === 'hang') return; // Never answers; the client must time out.
    if (reply.kind === 'truncated') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      response.write('[{"paper": {"id": "2407.03418", "title": "HEMM');
      response.destroy();
      return;
    }
    if (reply.kind === 'body') {
      response.writeHead(reply.status ?? 200, { 'Content-Type': reply.type ?? 'application/json', ...reply.headers });
      response.end(reply.body);
      return;
    }
    if (url.pathname === '/api/daily_papers') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(hfFixture(url.searchParams.get('date') ?? '') ?? '[]');
      return;
    }
    if (url.pathname === '/api/query') {
      const search = url.searchParams.get('search_query') ?? '';
      const feed = search.startsWith('ti:') ? (titles.find(({ words }) => search.includes(words))?.feed ?? EMPTY_FEED) : ARXIV_FEED;
      response.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      response.end(feed);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (key, replies) => scripts.set(key, [...replies]),
    arxivTitle: (words, feed) => titles.push({ words, feed }),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
