/**
 * Builds the Pagefind search index as the last step of `astro build`, through Pagefind's Node API,
 * so a plain `astro build` always yields a searchable site. Any error Pagefind reports fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

function check(step: string, errors: readonly string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'abstracta:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const added = await index.addDirectory({ path: outDir });
          check('addDirectory', added.errors);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${outDir}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          check('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
