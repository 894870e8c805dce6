import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listTree } from '../../../scripts/shared/fingerprint.ts';
import { hostWarnings, siteSize, siteUrlWarning } from '../../../scripts/site/hosts.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('host limits', () => {
  it('counts the files and bytes of a built site', () => {
    mkdirSync(join(dir, 'papers/a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(dir, 'papers/a/index.html'), 'y'.repeat(5));
    expect(siteSize(listTree(dir))).toEqual({ files: 2, bytes: 15 });
  });

  it('warns for each limit a site passes, naming the host', () => {
    expect(hostWarnings({ files: 6_152, bytes: 86e6 })).toEqual([]);
    expect(hostWarnings({ files: 21_072, bytes: 257e6 })).toEqual([
      'the site has 21,072 files; Cloudflare Pages accepts at most 20,000 files in one deployment (Free plan)',
    ]);
    expect(hostWarnings({ files: 90_000, bytes: 2 * 1024 ** 3 })).toHaveLength(2);
  });
});

describe('siteUrlWarning', () => {
  it('warns a production build without SITE_URL that its links point at localhost', () => {
    expect(siteUrlWarning({})).toMatch(/SITE_URL is not set.*http:\/\/localhost:4321/);
    expect(siteUrlWarning({ SITE_URL: 'https://papers.example.org' })).toBeUndefined();
  });
});
