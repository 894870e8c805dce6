/** Serves a built site over HTTP on a free loopback port, as a static host would, for browser tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus the base path, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` under `base` (e.g. `/deep/sub/`); anything outside the base is a 404. */
export async function serve(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
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
