import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBase, urlHelpers } from '../../../src/lib/url.ts';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['sub', '/sub/'],
    ['/deep/sub', '/deep/sub/'],
    ['//deep/sub//', '/deep/sub/'],
  ])('%j → %j', (input, output) => {
    expect(normalizeBase(input)).toBe(output);
  });
});

describe('urlHelpers', () => {
  // The same calls under a root base and a stubbed sub-path base.
  it.each([
    ['/', '/', '/papers/a-b/', '/pagefind/pagefind.js', '/search/?q=reward+model'],
    ['/deep/sub/', '/deep/sub/', '/deep/sub/papers/a-b/', '/deep/sub/pagefind/pagefind.js', '/deep/sub/search/?q=reward+model'],
    ['/deep/sub', '/deep/sub/', '/deep/sub/papers/a-b/', '/deep/sub/pagefind/pagefind.js', '/deep/sub/search/?q=reward+model'],
  ])('base %j', (base, home, paper, asset, search) => {
    const { pageUrl, assetUrl, searchUrl, authorUrl } = urlHelpers(base);
    expect(pageUrl()).toBe(home);
    expect(authorUrl('Ada Lovelace')).toBe(search.replace('q=reward+model', 'author=Ada+Lovelace'));
    expect(pageUrl('papers', 'a-b')).toBe(paper);
    expect(pageUrl('/papers/', '/a-b/')).toBe(paper);
    expect(assetUrl('pagefind/pagefind.js')).toBe(asset);
    expect(searchUrl('reward model')).toBe(search);
  });

  it('encodes each segment, so a slug can never add a path level', () => {
    const { pageUrl, searchUrl } = urlHelpers('/');
    expect(pageUrl('papers', '注意力-is-all')).toBe('/papers/%E6%B3%A8%E6%84%8F%E5%8A%9B-is-all/');
    expect(pageUrl('papers', 'a?b#c')).toBe('/papers/a%3Fb%23c/');
    expect(searchUrl('a&b=c #d')).toBe('/search/?q=a%26b%3Dc+%23d');
    expect(urlHelpers('/').authorUrl('J. Doe & Co #1')).toBe('/search/?author=J.+Doe+%26+Co+%231');
  });
});

describe('pageUrl on any segments', () => {
  it('splits at slashes, drops empty parts and encodes the rest, whether or not a segment is a plain slug', () => {
    const { pageUrl } = urlHelpers('/sub/');
    const general = (segments: string[]) => {
      const path = segments
        .flatMap((segment) => segment.split('/'))
        .filter(Boolean)
        .map((segment) => encodeURIComponent(segment))
        .join('/');
      return path ? `/sub/${path}/` : '/sub/';
    };
    const segment = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[a-z0-9-]{0,12}$/),
      fc.constantFrom('.', '..', '~a', 'a b', 'a/b', '/', '', 'é'),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
        expect(pageUrl(...segments)).toBe(general(segments));
      }),
      { numRuns: 2000 },
    );
  });
});
