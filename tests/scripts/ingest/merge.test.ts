import { describe, expect, it } from 'vitest';
import { mergePapers, normalizeTitle } from '../../../scripts/ingest/merge.ts';

describe('mergePapers', () => {
  const digest = (source: string, date: string, papers: [string, string][]) => ({
    source,
    date,
    papers: papers.map(([title, abstract], i) => ({ title, abstract, line: i + 1 })),
  });

  it('merges the same paper across digests and keeps different abstracts apart', () => {
    const merged = mergePapers([
      digest('b.txt', '03-15', [
        ['Same Title', 'Abstract one.'],
        ['Same Title', 'A different abstract.'],
      ]),
      digest('a.txt', '03-14', [['Same  title', 'Abstract one.']]),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0].digests).toEqual([
      { source: 'a.txt', date: '03-14', rank: 1 },
      { source: 'b.txt', date: '03-15', rank: 1 },
    ]);
  });

  it('normalizes titles for identity', () => {
    expect(normalizeTitle('ＳＡＭＥ — Title!')).toBe(normalizeTitle('same title'));
  });
});

describe('papers from several sources', () => {
  const raw = (source: string, date: string, papers: Record<string, unknown>[]) => ({
    source,
    date,
    papers: papers.map((p, i) => ({ title: 'T', abstract: 'A.', line: i + 1, ...p })),
  });

  it('is one paper per arXiv id, whatever its title or abstract says in each source, with every date', () => {
    const merged = mergePapers([
      raw('a.json', '2026-07-02', [{ title: 'Same Paper', abstract: 'Version one.', arxiv: '2607.00001', authors: ['A. B.'] }]),
      raw('b.xml', '2026-07-01', [
        {
          title: 'Same paper (v2)',
          abstract: 'Version two.',
          arxiv: '2607.00001',
          links: [{ url: 'https://doi.org/10.1/x', kind: 'doi' }],
        },
      ]),
      raw('c.txt', '03-14', [{ title: 'Same Paper', abstract: 'Version one.' }]),
    ]);
    expect(merged).toHaveLength(2);
    const byId = merged.find((p) => p.identity === 'arxiv:2607.00001')!;
    expect(byId.digests.map((d) => d.source)).toEqual(['b.xml', 'a.json']);
    expect(byId.meta.authors).toEqual(['A. B.']);
    expect(byId.meta.links).toEqual([{ url: 'https://doi.org/10.1/x', kind: 'doi' }]);
  });
});
