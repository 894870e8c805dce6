import { describe, expect, it } from 'vitest';
import { classifyLink, extractLinks, findLinks, httpUrl } from '../../../scripts/entries/links.ts';

describe('findLinks', () => {
  it.each([
    // [text, the URLs found]: trailing punctuation stays outside the link
    ['at https://github.com/a/b. Next', ['https://github.com/a/b']],
    ['at https://bit.ly/x, and', ['https://bit.ly/x']],
    ['page: https://skzhang1.github.io/IDEAL/.', ['https://skzhang1.github.io/IDEAL/']],
    ['(see https://example.org/a_(b)) ok', ['https://example.org/a_(b)']],
    ['https://github.com/HKUDS/LLMRec.git', ['https://github.com/HKUDS/LLMRec.git']],
    ['no links in example.com, a@b.org or ftp://x.org', []],
    ['javascript:alert(1) is not a link', []],
  ])('%j', (text, urls) => {
    expect(findLinks(text).map((link) => link.url)).toEqual(urls);
  });

  it('reports positions that slice back to the written URL', () => {
    const text = 'Code: https://github.com/a/b. Data: https://huggingface.co/datasets/x';
    for (const link of findLinks(text)) expect(text.slice(link.start, link.end)).toBe(link.text);
  });
});

describe('classifyLink', () => {
  it.each([
    ['https://github.com/a/b', 'code'],
    ['https://gist.github.com/a/1', 'code'],
    ['https://gitlab.com/a/b', 'code'],
    ['https://huggingface.co/datasets/Anthropic/discrim-eval', 'data'],
    ['https://zenodo.org/record/1', 'data'],
    ['https://huggingface.co/spaces/x/y', 'project'],
    ['https://skzhang1.github.io/IDEAL/', 'project'], // a github.io page is a project page, not code
    ['https://bit.ly/measure-persuasion', 'project'],
    ['https://notgithub.com/a', 'project'],
  ])('%s → %s', (url, kind) => {
    expect(classifyLink(url)).toBe(kind);
  });
});

describe('extractLinks', () => {
  it('lists each URL once, in order', () => {
    expect(extractLinks('https://github.com/a/b and https://x.org/ and https://github.com/a/b')).toEqual([
      { url: 'https://github.com/a/b', kind: 'code' },
      { url: 'https://x.org/', kind: 'project' },
    ]);
  });
});

describe('httpUrl', () => {
  it('keeps absolute http(s) URLs, normalized and percent-encoded', () => {
    expect(httpUrl(' https://github.com/a/b ')).toBe('https://github.com/a/b');
    expect(httpUrl('https://example.org/"><script>x</script>')).toBe('https://example.org/%22%3E%3Cscript%3Ex%3C/script%3E');
  });

  it.each([
    'javascript:alert(1)',
    'javascript:x//https://github.com/a/b',
    'ftp://x.org/',
    '/relative',
    'https://',
    'https://a b',
    undefined,
  ])('refuses %j', (value) => expect(httpUrl(value)).toBeUndefined());
});
