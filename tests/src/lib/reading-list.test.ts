import { describe, expect, it } from 'vitest';
import {
  bibtexFile,
  isSaved,
  newestFirst,
  parseList,
  removePaper,
  savePaper,
  STORAGE_KEY,
  textFile,
  togglePaper,
  type SavedPaper,
} from '../../../src/lib/reading-list.ts';
import { READING_LIST_KEY } from '../../../src/scripts/page-controls.ts';

const paper = (title: string, keys: string[], savedAt: number, extra: Partial<SavedPaper> = {}): SavedPaper => ({
  keys,
  url: `/papers/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  title,
  topics: ['Alignment'],
  savedAt,
  ...extra,
});

describe('the reading list', () => {
  const a = paper('Alpha', ['t:alpha', 'a:2407.03418'], 1, { bibtex: '@misc{alpha}', citation: 'Alpha. 2024.' });
  const b = paper('Beta', ['t:beta'], 2);

  it('is stored under one key, which the page controls read too', () => {
    expect(READING_LIST_KEY).toBe(STORAGE_KEY);
  });

  it('reads only what has the shape of an entry from storage', () => {
    expect(parseList(null)).toEqual([]);
    expect(parseList('not json')).toEqual([]);
    expect(parseList('{"keys":["t:x"]}')).toEqual([]);
    expect(parseList(JSON.stringify([a, { keys: [], url: '/x/', title: 'X' }, { keys: ['t:y'], url: 1, title: 'Y' }, 'junk', b]))).toEqual([
      a,
      b,
    ]);
    // Unknown fields are dropped, missing optional ones stay missing.
    expect(parseList(JSON.stringify([{ ...b, extra: '<script>', topics: ['T', 3] }]))).toEqual([b].map((p) => ({ ...p, topics: ['T'] })));
  });

  it('matches a paper by any of its keys: a merge adds the arXiv key, a rename keeps it', () => {
    expect(isSaved([a], ['t:alpha'])).toBe(true);
    expect(isSaved([a], ['t:alpha renamed', 'a:2407.03418'])).toBe(true);
    expect(isSaved([a], ['t:beta'])).toBe(false);
  });

  it('saves newest first, updates a saved paper in place, and toggles', () => {
    let list = savePaper([], a);
    list = savePaper(list, b);
    expect(list.map((p) => p.title)).toEqual(['Beta', 'Alpha']);
    // The paper page brings an entry up to date: new URL, its keys added, its save time kept.
    list = savePaper(list, paper('Alpha', ['t:alpha', 'a:2407.03418'], 99, { url: '/papers/alpha-new/' }));
    expect(list[1]).toEqual({ ...a, url: '/papers/alpha-new/' });
    list = savePaper(list, paper('Beta', ['t:beta', 'a:2501.00001'], 99, { bibtex: '@misc{beta}' }));
    expect(list[0].keys).toEqual(['t:beta', 'a:2501.00001']);
    expect(list[0].savedAt).toBe(2);
    expect(togglePaper(list, b).map((p) => p.title)).toEqual(['Alpha']);
    expect(togglePaper(removePaper(list, ['a:2407.03418']), a).map((p) => p.title)).toEqual(['Alpha', 'Beta']);
    expect(newestFirst([a, b]).map((p) => p.title)).toEqual(['Beta', 'Alpha']);
  });

  it('exports each page’s own BibTeX and citation, and says which it has not got yet', () => {
    expect(bibtexFile([a, b], 'https://example.org/sub/')).toBe(
      '% Beta: https://example.org/papers/beta/ (no citation yet: open the page once)\n\n@misc{alpha}\n',
    );
    expect(textFile([a, b], 'https://example.org/')).toBe('Beta. https://example.org/papers/beta/\n\nAlpha. 2024.\n');
  });
});
