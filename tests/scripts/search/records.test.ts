import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTES_MARKER } from '../../../scripts/entries/entry.ts';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { buildEntries } from '../../../scripts/ingest/pipeline.ts';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { contentRecords, searchEntry } from '../../../scripts/search/records.ts';
import { SEARCH_ENTRIES } from '../../../scripts/search/search-entry.ts';
import { Memo, memoKey } from '../../../scripts/shared/memo.ts';
import { ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-records-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
const seed = parseInput(readFileSync(join(ROOT, 'content/digests/trending-mar-14.txt')), 'trending-mar-14.txt');

describe('searchEntry', () => {
  it('is what ingest hands over when it writes an entry, so the index need not parse it', () => {
    const memo = Memo.open(dir, 'test');
    const files = buildEntries([seed], topics, { memo });
    let checked = 0;
    for (const [name, text] of files) {
      if (!name.endsWith('.mdx')) continue;
      expect(memo.peek(SEARCH_ENTRIES, memoKey(text)), name).toEqual(searchEntry(text));
      checked++;
    }
    expect(checked).toBe(83);
  });

  it('reads notes written in MDX as text, running nothing', () => {
    const [name, text] = [...buildEntries([seed], topics)].find(([file]) => file.endsWith('.mdx'))!;
    const notes = `${text}\nMy reading notes: **compare** with <Aside>the baseline</Aside>.\n\n{globalThis.pwned = 1}\n\nexport const x = 2\n`;
    expect(notes).toContain(NOTES_MARKER);
    const entry = searchEntry(notes);
    expect(entry.text, name).toContain('My reading notes: compare with the baseline.');
    expect(entry.text).not.toContain('pwned');
    expect(entry.text).not.toContain('export');
    expect(entry.html).toContain('<p>My reading notes: compare with the baseline.</p>');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('contentRecords', () => {
  it('gives one record per paper and topic, in URL order, with URLs from the site root', () => {
    const records = contentRecords(join(ROOT, 'content/papers'), topics);
    expect(records).toHaveLength(83 + topics.length);
    expect(records.map((r) => r.url)).toEqual(records.map((r) => r.url).sort());
    expect(records.every((r) => /^\/(papers|topics)\/[^/]+\/$/.test(r.url))).toBe(true);
    expect(records.every((r) => r.html.includes('data-pagefind-body'))).toBe(true);
  });

  it("takes unchanged papers' records from the memo, and makes them again when a topic is renamed", () => {
    const papers = join(ROOT, 'content/papers');
    const plain = contentRecords(papers, topics);
    const first = Memo.open(join(dir, 'records'), 'test');
    expect(contentRecords(papers, topics, first)).toEqual(plain);
    expect(first.stats['search-records']).toEqual({ hits: 0, computed: 83 });
    first.save();
    const second = Memo.open(join(dir, 'records'), 'test');
    expect(contentRecords(papers, topics, second)).toEqual(plain);
    expect(second.stats['search-records']).toEqual({ hits: 83, computed: 0 });
    // A paper's record names its topics: a new title is in every record of that topic, none stale.
    const renamed = topics.map((topic, i) => (i === 0 ? { ...topic, title: 'Renamed topic' } : topic));
    const third = Memo.open(join(dir, 'records'), 'test');
    const records = contentRecords(papers, renamed, third);
    expect(records).toEqual(contentRecords(papers, renamed));
    expect(records.some((r) => r.url.startsWith('/papers/') && r.html.includes('Renamed topic'))).toBe(true);
    expect(third.stats['search-records'].computed).toBe(83);
  });
});
