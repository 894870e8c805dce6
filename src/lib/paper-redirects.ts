/**
 * The site's redirects from old paper URLs (see `scripts/ingest/redirects.ts`), in the form Astro's
 * `redirects` setting takes: a page is generated at each old URL that sends the reader on, with a
 * canonical link to the new one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRedirects } from '../../scripts/ingest/redirects.ts';
import { urlHelpers } from './url.ts';

/**
 * Old paper path → new paper URL, for a site under `base`. Astro puts the redirect page under the base
 * path itself but writes the destination as given, so the destination carries the base.
 */
export function paperRedirects(contentDir: string, base: string): Record<string, string> {
  const file = join(contentDir, 'papers', '_redirects.json');
  const redirects = readRedirects(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const { pageUrl } = urlHelpers(base);
  return Object.fromEntries(Object.entries(redirects).map(([from, to]) => [`/papers/${from}/`, pageUrl('papers', to)]));
}
