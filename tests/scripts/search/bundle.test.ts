import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeBundle } from '../../../scripts/search/bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('placeBundle', () => {
  it('writes the files that differ, keeps the others untouched, and removes what the bundle no longer has', () => {
    const target = join(dir, 'pagefind');
    expect(
      placeBundle(
        new Map([
          ['a.js', bytes('a')],
          ['fragment/x.pf_fragment', bytes('x')],
        ]),
        target,
      ),
    ).toEqual({ written: 2, removed: 0 });
    const untouched = statSync(join(target, 'a.js')).mtimeMs;
    writeFileSync(join(target, 'stray.txt'), 'left by an older build');
    const next = new Map([
      ['a.js', bytes('a')],
      ['fragment/y.pf_fragment', bytes('y')],
    ]);
    expect(placeBundle(next, target)).toEqual({ written: 1, removed: 2 });
    expect(statSync(join(target, 'a.js')).mtimeMs).toBe(untouched);
    expect(existsSync(join(target, 'fragment/x.pf_fragment'))).toBe(false);
    expect(existsSync(join(target, 'stray.txt'))).toBe(false);
    expect(readFileSync(join(target, 'fragment/y.pf_fragment'), 'utf8')).toBe('y');
  });
});
