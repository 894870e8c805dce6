import { describe, expect, it } from 'vitest';
import { isSearchPartFolder, parseSearchParts, searchPartFolders } from '../../../src/lib/search-parts.ts';

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
});
