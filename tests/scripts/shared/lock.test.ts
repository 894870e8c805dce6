import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../../scripts/shared/lock.ts';

const dirs: string[] = [];
const lockIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-lock-'));
  dirs.push(dir);
  return join(dir, '.lock');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('acquireLock', () => {
  it('takes a free lock, writes its pid, and releases it', () => {
    const lock = lockIn();
    const release = acquireLock(lock);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a dead process', () => {
    const lock = lockIn();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(lock, dead);
    acquireLock(lock)();
  });

  it('refuses a lock a live process holds, or one being written, after waiting up to waitMs', () => {
    const lock = lockIn();
    writeFileSync(lock, String(process.pid));
    expect(() => acquireLock(lock)).toThrow(/another ingest \(process \d+\) is running/);
    const started = performance.now();
    expect(() => acquireLock(lock, { name: 'build', waitMs: 400 })).toThrow(/another build \(process \d+\) is running/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    writeFileSync(lock, '');
    expect(() => acquireLock(lock)).toThrow(/another ingest \(a process just starting\) is running/);
  });
});
