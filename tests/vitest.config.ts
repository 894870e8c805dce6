import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests run in parallel; the site tests share one real build of the seed, made once by the
 * global setup (see `helpers/build-site.ts`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Two cores: the build and the browser compete with test workers otherwise.
    maxWorkers: 2,
    // In CI, also write a machine-readable report for the closing summary line of `.ci/run`.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results.json' }]] : ['default'],
  },
});
