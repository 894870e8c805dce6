import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgress, formatSteps } from '../../../scripts/shared/progress.ts';

describe('formatDuration', () => {
  it.each([
    [12.4, '12 ms'],
    [1234, '1.2 s'],
    [59_940, '59.9 s'],
    [125_000, '2 min 5 s'],
  ])('%d ms reads "%s"', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatProgress', () => {
  it('shows files and papers done, the rate and the time left', () => {
    expect(formatProgress({ label: 'reading digests', done: 120, total: 360, unit: 'files', papers: 9800, elapsedMs: 8000 })).toBe(
      'reading digests: 120/360 files, 9,800 papers · 1,225 papers/s · about 16.0 s left',
    );
  });

  it('has no time left when done, and no rate before anything is', () => {
    expect(formatProgress({ label: 'x', done: 3, total: 3, unit: 'files', elapsedMs: 1500 })).toBe('x: 3/3 files · 2 files/s');
    expect(formatProgress({ label: 'x', done: 0, total: 3, unit: 'files', elapsedMs: 0 })).toBe('x: 0/3 files');
  });
});

describe('createProgress', () => {
  const capture = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 80 }) as unknown as NodeJS.WriteStream;
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    return { stream, written: () => written };
  };

  it('draws a line that rewrites itself on a terminal, and times steps', () => {
    const { stream, written } = capture(true);
    const progress = createProgress('ingest', stream, 0);
    expect(progress.time('topics', () => 42)).toBe(42);
    progress.update({ label: 'reading digests', done: 1, total: 2, unit: 'files', papers: 10, startedAt: performance.now() - 1000 });
    progress.clear();
    expect(written()).toContain('\r\x1b[Kingest: topics…');
    expect(written()).toMatch(/\r\x1b\[Kingest: reading digests: 1\/2 files, 10 papers · \d+ papers\/s · about .* left/);
    expect(written().endsWith('\r\x1b[K')).toBe(true);
    expect([...progress.steps.keys()]).toEqual(['topics']);
    expect(formatSteps(progress.steps)).toMatch(/^topics \d+ ms$/);
  });

  it('prints nothing off a terminal, but still times steps', () => {
    const { stream, written } = capture(false);
    const progress = createProgress('ingest', stream, 0);
    progress.time('related', () => undefined);
    progress.update({ label: 'x', done: 1, total: 1, unit: 'files', startedAt: 0 });
    progress.clear();
    expect(written()).toBe('');
    expect(progress.steps.has('related')).toBe(true);
  });
});
