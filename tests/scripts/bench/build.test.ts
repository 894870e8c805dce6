import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laterSample, processTree, runMeasured } from '../../../scripts/bench/build.ts';

describe('processTree', () => {
  const proc = mkdtempSync(join(tmpdir(), 'abstracta-proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  /** A /proc/<pid>/stat line: pid (command) state ppid, then fields 5-13 as zeros, utime, stime, fields 16-23, rss. */
  const stat = (pid: number, command: string, ppid: number, utime: number, stime: number, rssPages: number, cmdline?: string[]) => {
    mkdirSync(join(proc, String(pid)), { recursive: true });
    if (cmdline) writeFileSync(join(proc, String(pid), 'cmdline'), `${cmdline.join('\0')}\0`);
    const fields = ['S', ppid, ...Array(9).fill(0), utime, stime, ...Array(8).fill(0), rssPages, 0, 0];
    writeFileSync(join(proc, String(pid), 'stat'), `${pid} (${command}) ${fields.join(' ')}\n`);
  };

  it('finds the descendants of a process with their command, memory and CPU time', () => {
    stat(10, 'MainThread', 1, 150, 50, 1000, ['/usr/bin/node', 'scripts/build.ts', '--outDir', 'dist']);
    // A Node process is named by its script, flags before it skipped.
    stat(11, 'MainThread', 10, 300, 20, 2000, ['node_modules/.bin/node', '--max-old-space-size=8192', 'scripts/ingest.ts']);
    // A command name holding spaces and a parenthesis does not shift the fields after it.
    stat(12, 'pagefind_extend', 10, 480, 25, 500);
    stat(13, 'odd) (name', 11, 7, 3, 10);
    stat(20, 'other', 1, 999, 999, 999);
    mkdirSync(join(proc, 'self'));
    const tree = processTree(10, proc);
    expect([...tree.keys()].sort()).toEqual([10, 11, 12, 13]);
    expect(tree.get(12)).toEqual({ command: 'pagefind_extend', script: false, rss: 500 * 4096, cpu: 5.05 });
    expect(tree.get(13)).toEqual({ command: 'odd) (name', script: false, rss: 10 * 4096, cpu: 0.1 });
    expect(tree.get(10)).toMatchObject({ command: 'build.ts', cpu: 2 });
    expect(tree.get(11)).toMatchObject({ command: 'ingest.ts', cpu: 3.2 });
  });
});

describe('laterSample', () => {
  it("keeps a Node process's script name once it has ended, and takes a new one", () => {
    const running = { command: 'astro.mjs', script: true, rss: 100, cpu: 3 };
    // Ended, not yet waited for: /proc shows no command line, only the thread's name.
    const ended = { command: 'MainThread', script: false, rss: 0, cpu: 4.5 };
    expect(laterSample(running, ended)).toEqual({ command: 'astro.mjs', script: true, rss: 0, cpu: 4.5 });
    // Seen first between fork and exec, with its parent's command line: the later name wins.
    expect(laterSample({ ...running, command: 'build.ts' }, running)).toEqual(running);
    expect(laterSample(undefined, ended)).toEqual(ended);
  });
});

describe('runMeasured', () => {
  it("counts the CPU time of the command's descendants", async () => {
    // A child whose own child spins until it has used half a second of CPU time, however busy the machine.
    const spin = 'while (process.cpuUsage().user < 500000);';
    const script = `require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(spin)}]);`;
    const run = await runMeasured(['-e', script], {});
    const total = Object.values(run.cpu!).reduce((sum, seconds) => sum + seconds, 0);
    // Sampled every 100 ms, so up to that short per process.
    expect(total).toBeGreaterThan(0.35);
  });
});
