import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestCodeFiles } from '../../../scripts/ingest/content-memo.ts';
import { moduleGraph } from '../../../scripts/shared/module-graph.ts';
import { ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('moduleGraph', () => {
  it('follows static, type-only, re-exported and literal dynamic imports, through cycles, and leaves packages out', () => {
    write({
      'main.ts': [
        "import { parse } from 'yaml';",
        "import type { Shape } from './types.ts';",
        "import { helper } from './lib/helper.ts';",
        "export * from './lib/more.ts';",
        'export function run<T extends Map<string, number>>(x: T): Shape { return helper(x) as Shape; }',
        "export const later = () => import('./lazy.ts');",
      ].join('\n'),
      'types.ts': 'export interface Shape { size: number }',
      'lib/helper.ts': "import { run } from '../main.ts';\nexport const helper = (x: unknown) => (run ? x : x);",
      'lib/more.ts': 'export const more = 1;',
      'lazy.ts': 'export default 2;',
      'worker.ts': "import { more } from './lib/more.ts';\nexport { more };",
      'unused.ts': 'export const unused = 3;',
    });
    const graph = (entries: string[]) => moduleGraph(entries.map((entry) => join(dir, entry))).map((file) => relative(dir, file));
    expect(graph(['main.ts'])).toEqual(['lazy.ts', 'lib/helper.ts', 'lib/more.ts', 'main.ts', 'types.ts']);
    // A module started by its URL (a worker) is an entry of its own.
    expect(graph(['worker.ts'])).toEqual(['lib/more.ts', 'worker.ts']);
  });
});

describe("ingest's code", () => {
  const files = ingestCodeFiles().map((file) => relative(ROOT, file));

  it('is every project module ingest runs, with its workers and the lock file', () => {
    for (const file of [
      'scripts/ingest.ts',
      'scripts/ingest/pipeline.ts',
      'scripts/ingest/threads/paper-worker.ts',
      'scripts/ingest/threads/related-worker.ts',
      'scripts/entries/mdx.ts',
      'scripts/analysis/vectors.ts',
      'scripts/search/records.ts',
      // Imported from the site; a list kept by hand had left this one out.
      'src/lib/digests.ts',
      'src/schemas.ts',
      'package-lock.json',
    ])
      expect(files, file).toContain(file);
  });

  it('leaves out what ingest never runs, so changing it keeps the memo', () => {
    for (const file of ['scripts/search/bundle.ts', 'scripts/build.ts', 'src/lib/site.ts', 'scripts/bench/build.ts'])
      expect(files, file).not.toContain(file);
  });
});
