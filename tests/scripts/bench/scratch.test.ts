import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discard, SCRATCH_ENV, scratchFolder, withScratch } from '../../../scripts/bench/scratch.ts';

const outside: string[] = [];
afterEach(() => {
  for (const path of outside.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** A folder with a file in it, outside any scratch folder. */
function someFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scratch-test-'));
  outside.push(dir);
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), 'page');
  return join(dir, 'site');
}

describe('the benchmark scratch folder', () => {
  it('run alone, a case deletes what it is done with at once', () => {
    expect(process.env[SCRATCH_ENV]).toBeUndefined();
    const site = someFolder();
    discard(site);
    expect(existsSync(site)).toBe(false);
  });

  it('in a bench run, nothing is deleted until the run is over, and then everything is', () => {
    const kept = someFolder();
    let scratch = '';
    let caseFolder = '';
    withScratch(() => {
      scratch = process.env[SCRATCH_ENV]!;
      caseFolder = scratchFolder('case-');
      expect(dirname(caseFolder)).toBe(scratch);
      writeFileSync(join(caseFolder, 'entry.mdx'), 'text');
      discard(caseFolder);
      // A case's own folder stays where it is; a folder elsewhere (an Astro cache) is moved in.
      expect(existsSync(join(caseFolder, 'entry.mdx'))).toBe(true);
      discard(kept);
      expect(existsSync(kept)).toBe(false);
      expect(readdirSync(join(scratch, 'discarded'))).toHaveLength(1);
      // Something already gone is no error.
      expect(() => discard(join(tmpdir(), 'scratch-test-never-made'))).not.toThrow();
    });
    expect(existsSync(scratch)).toBe(false);
    expect(process.env[SCRATCH_ENV]).toBeUndefined();
  });

  it('deletes the scratch folder even when a case throws', () => {
    let scratch = '';
    expect(() =>
      withScratch(() => {
        scratch = process.env[SCRATCH_ENV]!;
        scratchFolder('case-');
        throw new Error('case failed');
      }),
    ).toThrow('case failed');
    expect(existsSync(scratch)).toBe(false);
  });
});
