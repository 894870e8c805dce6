import { describe, expect, it } from 'vitest';
import { jsonLd, scholarlyArticle } from '../../../src/lib/json-ld.ts';

describe('JSON-LD', () => {
  const paper = {
    title: 'A </script><script>alert(1)</script> title',
    summary: 'S.',
    keywords: ['a', 'b'],
    digests: [{ source: 'd', rank: 1, date: '2024-03-14' }],
    links: [{ url: 'https://github.com/a/b', kind: 'code' as const }],
  };

  it('describes a paper as a ScholarlyArticle', () => {
    const data = scholarlyArticle(paper, 'https://x.org/papers/a/', 'The abstract.');
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: paper.title,
      abstract: 'The abstract.',
      datePublished: '2024-03-14',
      keywords: 'a, b',
      sameAs: ['https://github.com/a/b'],
    });
  });

  it('never lets a title close the script element, and stays valid JSON', () => {
    const text = jsonLd(scholarlyArticle(paper, 'https://x.org/', ''));
    expect(text).not.toContain('<');
    expect(JSON.parse(text).headline).toBe(paper.title);
  });
});
