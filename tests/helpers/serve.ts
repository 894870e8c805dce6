/** The static server the benchmarks use too, and a test hook around it. */
import { afterAll, beforeAll } from 'vitest';
import { serve, type StaticServer } from '../../scripts/harness/static-server.ts';

export { headersFile, serve, type StaticServer } from '../../scripts/harness/static-server.ts';

/**
 * Serves `dir` under `base` for the tests of the calling `describe` block: started before them (after
 * any `beforeAll` registered earlier, so a site built there is ready), closed after. Read `.url` inside
 * tests and later hooks.
 */
export function useServer(dir: string, base = '/', headers: Record<string, string> = {}): { readonly url: string } {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serve(dir, base, headers);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
  };
}
