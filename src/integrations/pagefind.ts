/**
 * Builds the Pagefind search index as the last step of a plain `astro build`, through Pagefind's Node
 * API, from the built pages, so `astro build` alone always yields a searchable site. (`npm run build`
 * makes the same index from the content instead, at the same time as Astro renders: see
 * `scripts/build.ts` and `src/lib/search-record.ts`.) Any error Pagefind reports fails the build.
 * Under `astro dev` it serves an index of the content instead (see `dev-search.ts`).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, resolve, sep } from 'node:path';
import { placeBundle, siteBundle } from '../../scripts/search/bundle.ts';
import { buildDevIndex, contentType, type DevIndex } from './dev-search.ts';
import { recordTiming } from './timings.ts';

export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'abstracta:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = resolve(process.env.ABSTRACTA_CONTENT || 'content');
        const prefix = `${base.replace(/\/?$/, '/')}pagefind/`;
        let current: Promise<DevIndex> | undefined;
        const rebuild = () => {
          const started = performance.now();
          current = buildDevIndex(contentDir);
          current.then(
            ({ records }) =>
              logger.info(
                `dev search: indexed ${records} papers and topics from content/ in ${Math.round(performance.now() - started)} ms`,
              ),
            (error: unknown) => logger.error(`dev search: ${error instanceof Error ? error.message : String(error)}`),
          );
        };
        rebuild();
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!resolve(path).startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(rebuild, 300);
        });
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          if (!path.startsWith(prefix) || !current) return next();
          try {
            const file = (await current).files.get(decodeURIComponent(path.slice(prefix.length)));
            if (!file) return next();
            res.setHeader('Content-Type', contentType(path));
            res.setHeader('Cache-Control', 'no-store');
            res.end(file);
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` makes the index from the content while Astro renders (scripts/build.ts).
        if (process.env.ABSTRACTA_SEARCH_INDEX === 'external') return;
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { files, pages } = await siteBundle(outDir);
        placeBundle(files, join(outDir, 'pagefind'));
        logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
        recordTiming('pagefind', performance.now() - started);
      },
    },
  };
}
