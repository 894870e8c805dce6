/**
 * `npm run build` starts Astro while ingest is still running, so that Astro's own start (loading its
 * modules, Vite's and the config's: about 0.8 s, measured to the config's first line) overlaps ingest
 * instead of following it. Astro's config then waits here, before it reads anything ingest writes
 * (the redirects, then the content), until `scripts/build.ts` says ingest is done by creating the file
 * named in {@link AFTER_INGEST}. A plain `astro build`, `astro dev` or `astro check` never waits.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** The environment variable naming the file whose creation means "ingest is done, go on". */
export const AFTER_INGEST = 'ABSTRACTA_AFTER_INGEST';
/** The environment variable holding the process id of the `npm run build` that started this Astro. */
export const BUILD_PID = 'ABSTRACTA_BUILD_PID';

/** How often the file is looked for: well below the time it saves, and costing nothing. */
const POLL_MS = 20;

/**
 * Resolves once ingest is done, at once when nothing asked to wait. Should the build be over without
 * saying so (its folder of the file gone, or its process no longer this one's parent: killed before it
 * could stop this process), this process exits instead of waiting for ever.
 */
export async function afterIngest(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = env[AFTER_INGEST];
  if (!file) return;
  const build = Number(env[BUILD_PID]);
  while (!existsSync(file)) {
    if (!existsSync(dirname(file)) || (build && process.ppid !== build)) process.exit(1);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
