import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  estimateStore,
  LARGE_SITE_PAPERS,
  SEARCH_PART_PAGES,
  searchParts,
  STORE_PER_ENTRY_BYTE,
  STRING_LIMIT,
} from '../../../scripts/site/limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A papers folder of `count` entries of `size` bytes each (sparse files: no disk is spent on them). */
function papers(name: string, count: number, size: number): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    writeFileSync(join(folder, `p${i}.mdx`), '');
    truncateSync(join(folder, `p${i}.mdx`), size);
  }
  writeFileSync(join(folder, '_map.json'), 'not an entry');
  return folder;
}

describe('estimateStore', () => {
  it('lets an ordinary site through without a word', () => {
    expect(estimateStore(papers('small', 10, 3000))).toEqual({
      papers: 10,
      bytes: Math.round(30_000 * STORE_PER_ENTRY_BYTE),
      verdict: 'ok',
    });
  });

  it('warns when a site nears the ceiling, and refuses one past it, naming the limit and what to do', () => {
    // Entries large enough that 40 of them (or 60) stand for a site near (or past) the ceiling.
    const size = Math.ceil(STRING_LIMIT / STORE_PER_ENTRY_BYTE / 55);
    const near = estimateStore(papers('near', 40, size));
    expect(near.verdict).toBe('warn');
    expect(near.message).toMatch(/512 MB.*docs\/scaling\.md/);
    const past = estimateStore(papers('past', 60, size));
    expect(past.verdict).toBe('refuse');
    expect(past.message).toMatch(
      /V8 caps strings at 512 MB.*about 55 papers.*Split the archive into shards \(docs\/scaling\.md\); nothing was built/,
    );
  });
});

describe('searchParts', () => {
  it('makes one index up to the large-site size, then parts of at most SEARCH_PART_PAGES papers', () => {
    expect(searchParts(1)).toBe(1);
    expect(searchParts(LARGE_SITE_PAPERS)).toBe(1);
    expect(searchParts(LARGE_SITE_PAPERS + 1)).toBe(Math.ceil((LARGE_SITE_PAPERS + 1) / SEARCH_PART_PAGES));
    expect(searchParts(100_000)).toBe(Math.ceil(100_000 / SEARCH_PART_PAGES));
    expect(searchParts(100_000) * SEARCH_PART_PAGES).toBeGreaterThanOrEqual(100_000);
  });
});
