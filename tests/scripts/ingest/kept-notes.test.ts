import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTES_MARKER } from '../../../scripts/entries/entry.ts';
import { keepNotes, keptNotes, orphanedEntries, releaseKeptNotes, withKeptNotes } from '../../../scripts/ingest/kept-notes.ts';

const entry = (title: string, notes = '', extra = '') =>
  `---\ntitle: ${title}\nslug: x\n${extra}---\n\nAbstract.\n\n${NOTES_MARKER}\n${notes}`;
const dir = mkdtempSync(join(tmpdir(), 'abstracta-kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kept notes', () => {
  it('orphans only entries that are gone, hold something the user wrote, and were not merged into another paper', () => {
    const existing = new Map([
      ['a.mdx', entry('A', 'my notes\n')],
      ['b.mdx', entry('B')],
      ['c.mdx', entry('C', '', 'rating: 5\n')],
      ['d.mdx', entry('D', 'merged away\n')],
      ['e.mdx', entry('E', 'still here\n')],
    ]);
    const next = new Map([
      ['e.mdx', entry('E', 'still here\n')],
      ['_redirects.json', JSON.stringify({ d: 'e' })],
    ]);
    expect([...orphanedEntries(existing, next).keys()]).toEqual(['a', 'c']);
  });

  it('saves them, reads them back, hands them to a returning paper without notes, and releases them once written', () => {
    const notes = join(dir, 'notes');
    const written = keepNotes(notes, new Map([['a', entry('A', 'my notes\n')]]));
    expect(written).toEqual([join(notes, 'a.md')]);
    expect(readFileSync(written[0], 'utf8')).toBe(entry('A', 'my notes\n'));
    const kept = keptNotes(notes);
    expect(kept.get('a')?.notes).toBe('my notes\n');
    // An entry with notes of its own keeps them; one without takes the kept ones.
    const own = new Map([['a', { extra: {}, notes: 'newer notes\n' }]]);
    expect(withKeptNotes(own, kept)).toEqual({ owned: own, used: [] });
    const { owned, used } = withKeptNotes(new Map([['a', { extra: {}, notes: '' }]]), kept);
    expect([owned.get('a')?.notes, used]).toEqual(['my notes\n', ['a']]);
    // Not written (the paper did not come back after all): the kept file stays.
    expect(releaseKeptNotes(notes, used, new Map())).toEqual([]);
    expect(keptNotes(notes).has('a')).toBe(true);
    expect(releaseKeptNotes(notes, used, new Map([['a.mdx', '…']]))).toEqual(['a']);
    expect(keptNotes(notes).has('a')).toBe(false);
  });
});
