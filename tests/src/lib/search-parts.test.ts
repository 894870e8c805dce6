import { describe, expect, it } from 'vitest';
import { isSearchPartFolder, parseSearchParts, partsList, readPartsList, searchPartFolders } from '../../../src/lib/search-parts.ts';

describe('search index parts', () => {
  it('names the first part pagefind and the others pagefind-2, pagefind-3, …', () => {
    expect(searchPartFolders(1)).toEqual(['pagefind']);
    expect(searchPartFolders(3)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    for (const folder of searchPartFolders(12)) expect(isSearchPartFolder(folder)).toBe(true);
  });

  it('tells part folders from the rest of the site', () => {
    for (const name of ['pagefind-0', 'pagefind-', 'pagefind-02', 'pagefinder', 'papers', 'pagefind-2x'])
      expect(isSearchPartFolder(name), name).toBe(false);
  });

  it('reads the number of parts handed to Astro, 1 when none is', () => {
    expect(parseSearchParts(undefined)).toBe(1);
    expect(parseSearchParts('')).toBe(1);
    expect(parseSearchParts('4')).toBe(4);
    for (const bad of ['0', '-1', '1.5', 'two']) expect(() => parseSearchParts(bad), bad).toThrow(/ABSTRACTA_SEARCH_PARTS/);
  });

  it('lists the other parts for the search, and reads back only folder names of other parts', () => {
    expect(JSON.parse(partsList(3))).toEqual(['pagefind-2', 'pagefind-3']);
    expect(readPartsList(JSON.parse(partsList(3)))).toEqual(['pagefind-2', 'pagefind-3']);
    expect(readPartsList(JSON.parse(partsList(1)))).toEqual([]);
    // The list is fetched: anything but part folders (a URL elsewhere, a path up, the first part) is refused.
    for (const bad of [{}, 'pagefind-2', ['https://evil.example/pagefind/'], ['../pagefind-2'], ['pagefind'], ['pagefind-2', 3]])
      expect(() => readPartsList(bad), JSON.stringify(bad)).toThrow(/not a list of part folders/);
  });
});
