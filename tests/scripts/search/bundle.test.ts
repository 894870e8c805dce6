import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { keepRecords, keptRecords, placeBundle, searchBundle, startBundle } from '../../../scripts/search/bundle.ts';
import { contentRecords } from '../../../scripts/search/records.ts';
import { ROOT } from '../../helpers/paths.ts';

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

describe('startBundle', () => {
  const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
  const records = contentRecords(join(ROOT, 'content/papers'), topics);
  const filesOf = (bundle: { files: Map<string, Uint8Array> }) =>
    new Map([...bundle.files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));

  it('gives the files of the whole index when the records begin with those it started with, or when they do not', async () => {
    const whole = filesOf(await searchBundle(records));
    // Begun with the papers of an earlier build: only the rest is added, and the files are the same.
    const begun = await startBundle(records.slice(0, 60)).finish(records);
    expect(begun.ahead).toBe(60);
    expect(filesOf(begun)).toEqual(whole);
    // Begun with records that are not how these begin (a paper changed since): made anew, the same again.
    const changed = [{ ...records[0], html: records[0].html.replace('</h1>', ' (revised)</h1>') }, ...records.slice(1, 60)];
    const anew = await startBundle(changed).finish(records);
    expect(anew.ahead).toBe(0);
    expect(filesOf(anew)).toEqual(whole);
    // And added in another order, the files differ: why the order of the records is kept fixed.
    expect(filesOf(await searchBundle([...records.slice(60), ...records.slice(0, 60)]))).not.toEqual(whole);
  }, 60_000);

  it('keeps the records for the next build, and reads none from a file it cannot read', () => {
    const file = join(dir, 'cache', 'records.bin');
    expect(keptRecords(file)).toEqual([]);
    keepRecords(file, records.slice(0, 3));
    expect(keptRecords(file)).toEqual(records.slice(0, 3));
    writeFileSync(file, 'not records');
    expect(keptRecords(file)).toEqual([]);
  });
});
