/**
 * The layout that docs/architecture.md describes, held as tests: folders by role under `scripts/`,
 * none too big to read at a glance; the product never reaching benchmark or test code; and tests
 * mirroring the modules they cover. Imports are read with TypeScript's own pre-processor, which also
 * finds the imports of `.astro` frontmatter and scripts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.ts';

/** The most modules a folder under `scripts/` may hold before it should be split by role. */
const MAX_MODULES = 12;
/** Code that only benchmarks and tests run; the product must not depend on it. */
const NOT_PRODUCT = ['scripts/bench/', 'scripts/harness/', 'scripts/bench.ts', 'tests/'];

/** Every file below `dir` (relative to the root), depth first. */
function filesBelow(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(ROOT, path)).isDirectory() ? filesBelow(path) : [path];
  });
}

const isCode = (path: string) => /\.(ts|mjs|astro)$/.test(path);
const scriptFiles = filesBelow('scripts').filter(isCode);
const siteFiles = filesBelow('src').filter(isCode);

/** The project files `file` imports (relative specifiers only; packages are not ours). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

/** Each file reachable from `entries` through imports, with the file that first reached it. */
function reachable(entries: readonly string[]): Map<string, string> {
  const via = new Map<string, string>(entries.map((entry) => [entry, entry]));
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (!isCode(file)) continue;
    for (const target of importsOf(file)) {
      if (via.has(target)) continue;
      via.set(target, file);
      queue.push(target);
    }
  }
  return via;
}

describe('the scripts/ tree', () => {
  it(`has folders by role, none with more than ${MAX_MODULES} modules`, () => {
    const perFolder = new Map<string, number>();
    for (const file of scriptFiles) perFolder.set(dirname(file), (perFolder.get(dirname(file)) ?? 0) + 1);
    const tooBig = [...perFolder].filter(([folder, count]) => folder !== 'scripts' && count > MAX_MODULES);
    expect(tooBig).toEqual([]);
    // The command entry points are the only modules at the top; everything else sits in a role folder.
    expect(scriptFiles.filter((file) => dirname(file) === 'scripts').sort()).toEqual([
      'scripts/bench.ts',
      'scripts/build.ts',
      'scripts/daily.ts',
      'scripts/fetch.ts',
      'scripts/ingest.ts',
      'scripts/topics-report.ts',
      'scripts/topics-suggest.ts',
    ]);
  });

  it('is described folder by folder in docs/architecture.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const folders = [...new Set(scriptFiles.map(dirname))].filter((folder) => folder !== 'scripts');
    expect(folders.filter((folder) => !doc.includes(`\`${folder}/\``))).toEqual([]);
  });
});

describe('the product', () => {
  // What runs when a site owner builds: the commands, Astro's config and the whole site.
  const productEntries = [
    'astro.config.mjs',
    'scripts/ingest.ts',
    'scripts/build.ts',
    'scripts/fetch.ts',
    'scripts/daily.ts',
    'scripts/topics-report.ts',
    'scripts/topics-suggest.ts',
    ...siteFiles,
    ...scriptFiles.filter((file) => !NOT_PRODUCT.some((prefix) => file.startsWith(prefix))),
  ];

  it('never imports benchmark or test code, directly or through another module', () => {
    const via = reachable(productEntries);
    const leaks = [...via]
      .filter(([file]) => NOT_PRODUCT.some((prefix) => file.startsWith(prefix)))
      .map(([file, from]) => `${from} → ${file}`);
    expect(leaks).toEqual([]);
  });

  it('is found by following imports (the check above sees what it must)', () => {
    // From Astro's config alone the walk reaches the MDX module and the URL helper...
    expect([...reachable(['astro.config.mjs']).keys()]).toEqual(expect.arrayContaining(['scripts/entries/mdx.ts', 'src/lib/url.ts']));
    // ...and from the benchmark command it reaches benchmark code, which a product entry must not.
    expect(reachable(['scripts/bench.ts']).has('scripts/bench/build.ts')).toBe(true);
  });

  it('reads import.meta.env only by a whole name, never the object alone (Astro would inline the environment)', () => {
    // Astro's own test (astro/dist/env/vite-plugin-import-meta-env.js): in a module that matches it,
    // comments included, every environment variable whose name appears in the file is written into
    // the built code, so the pages' code and Astro's incremental cache depend on PATH and `_`.
    const bare = /\bimport\.meta\.env\b(?!\.)/;
    expect(['import.meta.env?.BASE_URL', '(import.meta.env ?? {}).SITE'].every((code) => bare.test(code))).toBe(true);
    expect(bare.test('import.meta.env.BASE_URL')).toBe(false);
    const offending = [...reachable(productEntries).keys()].filter(
      (file) => isCode(file) && bare.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  it('imports only files that exist', () => {
    const missing = [...reachable(productEntries).keys()].filter((file) => {
      try {
        return !statSync(join(ROOT, file)).isFile();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});

describe('the tests', () => {
  it('mirror the modules they cover: tests/<path>/<module>[.<aspect>].test.ts covers <path>/<module>.ts', () => {
    const mirrored = [...filesBelow('tests/scripts'), ...filesBelow('tests/src')].filter((file) => file.endsWith('.test.ts'));
    expect(mirrored.length).toBeGreaterThan(40);
    const orphans = mirrored.filter((test) => {
      const [module] = relative('tests', test)
        .replace(/\.test\.ts$/, '')
        .split(/\.(?=[^/]*$)/);
      return ![`${module}.ts`, `${module}.astro`].some((source) => {
        try {
          return statSync(join(ROOT, source)).isFile();
        } catch {
          return false;
        }
      });
    });
    expect(orphans).toEqual([]);
  });
});
