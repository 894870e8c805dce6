import { existsSync, mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  astroCacheDir,
  cacheEntries,
  cacheFile,
  fingerprint,
  fingerprintFile,
  lastFingerprint,
  listTree,
  recordFingerprint,
  removeCachesAddedSince,
  treeDigest,
} from '../../../scripts/shared/fingerprint.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-fingerprint-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
  mkdirSync(join(dir, 'papers'));
  writeFileSync(join(dir, 'src', 'lib', 'a.ts'), 'one');
  writeFileSync(join(dir, 'papers', 'p.mdx'), 'paper');
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fingerprint', () => {
  it('is stable, and changes with source content, tree stats and values', () => {
    const dir = folder();
    const inputs = { sources: [join(dir, 'src')], trees: [join(dir, 'papers')], values: { base: '/' } };
    const first = fingerprint(inputs);
    expect(fingerprint(inputs)).toBe(first);
    writeFileSync(join(dir, 'src', 'lib', 'a.ts'), 'two');
    const edited = fingerprint(inputs);
    expect(edited).not.toBe(first);
    // A tree counts by stats: same size, new mtime is a change.
    utimesSync(join(dir, 'papers', 'p.mdx'), new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(fingerprint(inputs)).not.toBe(edited);
    expect(fingerprint({ ...inputs, values: { base: '/sub/' } })).not.toBe(fingerprint(inputs));
    expect(fingerprint({ ...inputs, values: { base: undefined } })).not.toBe(fingerprint({ ...inputs, values: { base: '' } }));
    writeFileSync(join(dir, 'papers', 'new.mdx'), '');
    expect(fingerprint(inputs)).not.toBe(fingerprint({ ...inputs, trees: [join(dir, 'other')] }));
  });

  it('lists a tree once for several uses: its digest is what a fingerprint of the tree keeps', () => {
    const dir = folder();
    const papers = join(dir, 'papers');
    const listing = listTree(papers);
    expect(listing.files.map((file) => [file.path, file.size])).toEqual([['p.mdx', 5n]]);
    expect(fingerprint({ values: { tree: treeDigest(listing) } })).toBe(fingerprint({ values: { tree: treeDigest(listTree(papers)) } }));
    // A listing is what the tree was when listed: a later change shows in a new listing only.
    utimesSync(join(papers, 'p.mdx'), new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(treeDigest(listTree(papers))).not.toBe(treeDigest(listing));
    writeFileSync(join(papers, 'new.mdx'), '');
    expect(listTree(papers).files.map((file) => file.path)).toEqual(['new.mdx', 'p.mdx']);
    expect(listTree(join(dir, 'missing')).files).toEqual([]);
  });

  it('records and reads back one fingerprint per step and key', () => {
    const dir = folder();
    const file = fingerprintFile('build', join(dir, 'dist'), join(dir, 'cache'));
    expect(fingerprintFile('build', join(dir, 'dist2'), join(dir, 'cache'))).not.toBe(file);
    expect(lastFingerprint(file)).toBeUndefined();
    recordFingerprint(file, 'abc');
    expect(lastFingerprint(file)).toBe('abc');
  });
});

describe('removeCachesAddedSince', () => {
  it("removes what scratch folders added to the caches, and keeps the kept folders', the older entries and Node's compile cache", () => {
    const dir = folder();
    const [astro, own] = [join(dir, 'astro'), join(dir, 'astro', 'abstracta')];
    mkdirSync(own, { recursive: true });
    const [project, scratch, older] = ['project/content', 'scratch/content', 'older/content'].map((path) => join(dir, path));
    // Astro's folder for a content folder, under the name Astro is given (see astro.config.mjs).
    const astroFolder = (content: string) => join(astro, astroCacheDir(content).split('/').at(-1)!);
    mkdirSync(astroFolder(older));
    recordFingerprint(fingerprintFile('ingest', older, own), 'a');
    const before = cacheEntries([astro, own]);

    for (const content of [project, scratch]) {
      mkdirSync(join(astroFolder(content), 'dist'), { recursive: true });
      recordFingerprint(fingerprintFile('ingest', content, own), 'b');
      mkdirSync(cacheFile('ingest-memo', content, '', own));
      writeFileSync(join(cacheFile('ingest-memo', content, '', own), 'mdx.bin'), '');
      recordFingerprint(fingerprintFile('site', join(content, '..', 'dist'), own), 'c');
    }
    mkdirSync(join(own, 'ingest-compile-cache'));

    const removed = removeCachesAddedSince(before, [project, join(project, '..', 'dist')], [astro, own]);
    expect(removed.sort()).toEqual(
      [
        astroFolder(scratch),
        fingerprintFile('ingest', scratch, own),
        cacheFile('ingest-memo', scratch, '', own),
        fingerprintFile('site', join(scratch, '..', 'dist'), own),
      ].sort(),
    );
    for (const path of removed) expect(existsSync(path)).toBe(false);
    expect([...cacheEntries([astro, own])].sort()).toEqual(
      [
        own,
        astroFolder(older),
        fingerprintFile('ingest', older, own),
        astroFolder(project),
        fingerprintFile('ingest', project, own),
        cacheFile('ingest-memo', project, '', own),
        fingerprintFile('site', join(project, '..', 'dist'), own),
        join(own, 'ingest-compile-cache'),
      ].sort(),
    );
  });
});
