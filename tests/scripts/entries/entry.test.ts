import { load as loadYaml11 } from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NOTES_MARKER, ownedParts, serializeEntry } from '../../../scripts/entries/entry.ts';
import type { Paper } from '../../../src/schemas.ts';

const paper = (title: string): Paper => ({
  title,
  slug: 'a-paper',
  digests: [{ source: 'd.txt', date: '03-14', rank: 1 }],
  topics: ['alignment'],
  keywords: ['reward model'],
  related: [],
  links: [{ url: 'https://github.com/a/b', kind: 'code' }],
  summary: title,
  words: 3,
});

/** Splits an entry into its parsed frontmatter and body. */
function read(entry: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(entry);
  if (!match) throw new Error(`not an entry:\n${entry}`);
  return { data: parse(match[1]), body: match[2] };
}

describe('serializeEntry', () => {
  it.each([
    'Plain Title',
    '"Kelly is a Warm Person, Joseph is a Role Model": Gender Biases',
    "It's: a 'quoted' \"title\" # not a comment",
    '---\ntitle: injected\n---',
    '- [not, a, list]',
    '{ not: a map }',
    '&anchor *alias !!tag',
    'yes',
    '0x1F',
    '  leading and trailing spaces  ',
    '注意力 مرحبا 👩‍🔬',
  ])('round-trips the title %j', (title) => {
    const { data, body } = read(serializeEntry(paper(title), 'Body text.\n'));
    expect(data).toEqual(paper(title));
    expect(body).toBe(`Body text.\n\n${NOTES_MARKER}\n`);
  });

  // js-yaml 4 is what Astro parses frontmatter with (see @astrojs/internal-helpers).
  it('reads back the same under YAML 1.1, as Astro reads frontmatter (dates stay strings)', () => {
    const tricky = {
      ...paper('yes'),
      summary: '2025-03-14',
      keywords: ['no', 'on', '0x1F', '12:30', '~', '1e3'],
      digests: [{ source: 'd.txt', date: '2025-03-14', rank: 1 }],
    };
    const entry = serializeEntry(tricky, 'Body.\n');
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(entry)![1];
    expect(loadYaml11(frontmatter)).toEqual(tricky);
    expect(parse(frontmatter)).toEqual(tricky);
  });

  it('validates against the shared schema', () => {
    expect(() => serializeEntry({ ...paper('x'), slug: '../etc' }, '')).toThrow();
    expect(() => serializeEntry({ ...paper('x'), topics: [] }, '')).toThrow();
    expect(() => serializeEntry({ ...paper('x'), links: [{ url: 'javascript:alert(1)', kind: 'code' }] }, '')).toThrow();
  });
});

describe('ownedParts', () => {
  it('finds the fields and notes a user added', () => {
    const entry = serializeEntry(paper('T'), 'Abstract.', { extra: { readingGroup: '2026-12-03', tags: ['x'] }, notes: 'My **note**.\n' });
    expect(entry.endsWith(`Abstract.\n${NOTES_MARKER}\nMy **note**.\n`)).toBe(true);
    expect(ownedParts(entry)).toEqual({ extra: { readingGroup: '2026-12-03', tags: ['x'] }, notes: 'My **note**.\n' });
  });

  it('owns nothing in an entry without them, or in a file that is not an entry', () => {
    expect(ownedParts(serializeEntry(paper('T'), 'Abstract.'))).toEqual({ extra: {}, notes: '' });
    expect(ownedParts('not an entry')).toEqual({ extra: {}, notes: '' });
  });
});
