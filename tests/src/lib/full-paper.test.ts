import { describe, expect, it } from 'vitest';
import { fullPaper, otherLinks } from '../../../src/lib/full-paper.ts';

describe('fullPaper', () => {
  it('links to the paper when a source gave its arXiv id or DOI', () => {
    expect(fullPaper({ title: 'T', arxiv: '2407.03418', links: [] })).toEqual({
      links: [
        { url: 'https://arxiv.org/abs/2407.03418', kind: 'arxiv' },
        { url: 'https://arxiv.org/pdf/2407.03418', kind: 'pdf' },
      ],
      searches: [],
    });
    const doi = { url: 'https://doi.org/10.1000/x', kind: 'doi' as const };
    expect(fullPaper({ title: 'T', links: [doi, { url: 'https://github.com/a/b', kind: 'code' }] })).toEqual({
      links: [doi],
      searches: [],
    });
  });

  it('offers searches for the title, encoded, when nothing leads to the paper', () => {
    const { links, searches } = fullPaper({
      title: 'HEMM: Holistic & "Evaluation" #1?',
      links: [{ url: 'https://github.com/a/b', kind: 'code' }],
    });
    expect(links).toEqual([]);
    expect(searches.map((s) => s.site)).toEqual(['arXiv', 'Semantic Scholar', 'Google Scholar']);
    for (const search of searches) {
      const url = new URL(search.url);
      expect(url.protocol).toBe('https:');
      expect([...url.searchParams.values()].join(' ')).toContain('HEMM: Holistic & "Evaluation" #1?');
    }
  });

  it('leaves code, data and project links to the links section', () => {
    expect(
      otherLinks([
        { url: 'https://arxiv.org/abs/1', kind: 'arxiv' },
        { url: 'https://github.com/a/b', kind: 'code' },
      ]),
    ).toEqual([{ url: 'https://github.com/a/b', kind: 'code' }]);
  });
});
