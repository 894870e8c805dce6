import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Memo, memoKey } from '../../../scripts/shared/memo.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-memo-'));
  dirs.push(dir);
  return join(dir, 'memo');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A memo run: opens, asks for `keys` (counting computations), saves. */
function run(dir: string, version: string, keys: string[], space = 's') {
  const memo = Memo.open(dir, version);
  let computed = 0;
  const values = keys.map((key) =>
    memo.get(space, key, () => {
      computed++;
      return new Map([[key, key.length]]);
    }),
  );
  memo.save();
  return { values, computed };
}

describe('Memo', () => {
  it('computes each key once, and remembers it for the next run', () => {
    const dir = folder();
    expect(run(dir, 'v1', ['a', 'b', 'a']).computed).toBe(2);
    const again = run(dir, 'v1', ['a', 'b']);
    expect(again.computed).toBe(0);
    // Maps survive as they are.
    expect(again.values[0]).toEqual(new Map([['a', 1]]));
  });

  it('forgets everything stored by other code', () => {
    const dir = folder();
    run(dir, 'v1', ['a', 'b']);
    expect(run(dir, 'v2', ['a', 'b']).computed).toBe(2);
  });

  it('does not keep a result its caller says not to keep', () => {
    const dir = folder();
    const memo = Memo.open(dir, 'v1');
    memo.get(
      's',
      'k',
      () => 'partial',
      () => false,
    );
    memo.save();
    let computed = 0;
    Memo.open(dir, 'v1').get('s', 'k', () => computed++);
    expect(computed).toBe(1);
  });

  it('appends small additions to a delta file, and folds them in when they grow', () => {
    const dir = folder();
    const many = Array.from({ length: 40 }, (_, i) => `k${i}`);
    run(dir, 'v1', many);
    expect(existsSync(join(dir, 's.delta.bin'))).toBe(false);
    // Two new keys: a delta, the space itself untouched.
    expect(run(dir, 'v1', [...many, 'n1', 'n2']).computed).toBe(2);
    expect(existsSync(join(dir, 's.delta.bin'))).toBe(true);
    expect(run(dir, 'v1', [...many, 'n1', 'n2']).computed).toBe(0);
    // Many new keys: a new space file, no delta.
    const more = Array.from({ length: 30 }, (_, i) => `m${i}`);
    expect(run(dir, 'v1', [...many, ...more]).computed).toBe(30);
    expect(existsSync(join(dir, 's.delta.bin'))).toBe(false);
    // What the last run no longer used is gone once the space is written anew.
    expect(run(dir, 'v1', ['n1']).computed).toBe(1);
  });

  it('tells what it holds, and takes results known another way', () => {
    const dir = folder();
    const memo = Memo.open(dir, 'v1');
    expect(memo.peek('s', 'k')).toBeUndefined();
    memo.set('s', 'k', 42);
    expect(memo.peek('s', 'k')).toBe(42);
    memo.save();
    expect(Memo.open(dir, 'v1').peek('s', 'k')).toBe(42);
  });

  it('settles results computed elsewhere once, when their space is first read', () => {
    const memo = Memo.open(folder(), 'v1');
    let settled = 0;
    memo.pending('s', () => {
      settled++;
      memo.set('s', 'done', 'there');
    });
    // Recording and reading other spaces leave it pending.
    memo.set('s', 'known', 'here');
    expect(memo.peek('t', 'done')).toBeUndefined();
    expect(settled).toBe(0);
    expect(memo.get('s', 'done', () => 'computed')).toBe('there');
    expect(memo.peek('s', 'known')).toBe('here');
    expect(memo.get('s', 'missing', () => 'computed')).toBe('computed');
    expect(settled).toBe(1);
  });

  it('remembers nothing when it has no folder', () => {
    const memo = Memo.none();
    let computed = 0;
    memo.get('s', 'k', () => computed++);
    memo.get('s', 'k', () => computed++);
    expect(computed).toBe(2);
  });

  it('keys parts unambiguously', () => {
    expect(memoKey('ab', 'c')).not.toBe(memoKey('a', 'bc'));
    expect(memoKey('x')).toBe(memoKey('x'));
  });
});
