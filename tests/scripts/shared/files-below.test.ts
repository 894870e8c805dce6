import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesBelow } from '../../../scripts/shared/files-below.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `files` (paths relative to it). */
function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-files-below-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), file);
  }
  return dir;
}

describe('filesBelow', () => {
  it('lists every file at any depth as a /-separated path, and no folder or link', () => {
    const dir = tree(['index.html', 'papers/a/index.html', 'papers/b/index.html', 'pagefind/x.pf_meta', 'topics/t/page/2/index.html']);
    mkdirSync(join(dir, 'empty/inner'), { recursive: true });
    symlinkSync(join(dir, 'index.html'), join(dir, 'link.html'));
    symlinkSync(join(dir, 'papers'), join(dir, 'linked-folder'));
    expect(filesBelow(dir).sort()).toEqual([
      'index.html',
      'pagefind/x.pf_meta',
      'papers/a/index.html',
      'papers/b/index.html',
      'topics/t/page/2/index.html',
    ]);
  });

  it('leaves out the top-level folders it is told to skip, and only those', () => {
    const dir = tree(['pagefind/x.pf_meta', 'papers/pagefind/index.html', 'pagefind.txt']);
    expect(filesBelow(dir, (folder) => folder === 'pagefind').sort()).toEqual(['pagefind.txt', 'papers/pagefind/index.html']);
  });
});
