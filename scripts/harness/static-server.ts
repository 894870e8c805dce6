/** Serves a built site over HTTP on a free loopback port, as a static host would: for browser tests and benchmarks. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus the base path, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` under `base` (e.g. `/deep/sub/`); anything outside the base is a 404. `headers` go on every response. */
export async function serve(dir: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('outside the base path');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The headers a `_headers` file (Netlify/Cloudflare format) gives every path (`/*`). */
export function headersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const [name, ...value] = line.trim().split(':');
    if (inAll) headers[name.trim()] = value.join(':').trim();
  }
  return headers;
}
