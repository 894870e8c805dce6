import { describe, expect, it } from 'vitest';
import { mergePapers, sameAbstract } from '../../../scripts/ingest/merge.ts';

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

describe('one paper across sources', () => {
  const abstract =
    'We introduce a holistic benchmark for multimodal foundation models that evaluates basic skills, information flow and real-world use cases across thirty datasets, and we study how model scale, pretraining data and instruction tuning affect performance on each dimension of the benchmark.';
  const text = (source: string, date: string, papers: Record<string, unknown>[]) => ({
    source,
    date,
    papers: papers.map((p, i) => ({ title: 'T', abstract: 'A.', line: i + 1, ...p })),
  });

  it('tells copies of one abstract from different abstracts', () => {
    // Whitespace, LaTeX left in, quotes, and a copy cut short are still the same abstract.
    expect(sameAbstract(abstract, abstract.replace(/ /g, '  '))).toBe(true);
    expect(sameAbstract(abstract, abstract.replace('thirty', "$30$ ``thirty''"))).toBe(true);
    expect(sameAbstract(abstract, abstract.slice(0, 200))).toBe(true);
    // A different paper under the same title is not.
    expect(
      sameAbstract(
        abstract,
        'A survey of music generation with large models: datasets, evaluation, symbolic and audio approaches, and open problems for the field of music information retrieval and beyond.',
      ),
    ).toBe(false);
    // Too short to tell: only an exact match counts.
    expect(sameAbstract('Version one.', 'Version one')).toBe(true);
    expect(sameAbstract('Version one.', 'Version two.')).toBe(false);
  });

  it('merges a pasted copy into the paper from a source with an arXiv id, keeping every date and the richer text', () => {
    const merged = mergePapers([
      text('trending-mar-14.txt', '03-14', [
        { title: 'HEMM: Holistic Evaluation of Multimodal Foundation Models', abstract: abstract.slice(0, 240) },
      ]),
      text('2024-07-08.json', '2024-07-08', [
        { title: 'HEMM: Holistic Evaluation of Multimodal Foundation Models', abstract, arxiv: '2407.03418', authors: ['P. P. Liang'] },
      ]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ identity: 'arxiv:2407.03418', abstract, meta: { arxiv: '2407.03418', authors: ['P. P. Liang'] } });
    expect(merged[0].digests.map((d) => d.source)).toEqual(['trending-mar-14.txt', '2024-07-08.json']);
  });

  it('keeps papers apart that share a title but not an abstract, or that have two arXiv ids', () => {
    const other =
      'A survey of music generation with large models: datasets, evaluation, symbolic and audio approaches, and open problems for the field of music information retrieval and beyond.';
    expect(
      mergePapers([
        text('a.txt', '03-14', [{ title: 'Foundation Models for Music', abstract }]),
        text('b.json', '2024-08-27', [{ title: 'Foundation Models for Music', abstract: other, arxiv: '2408.14340' }]),
      ]),
    ).toHaveLength(2);
    expect(
      mergePapers([
        text('a.json', '2024-08-27', [{ title: 'Same', abstract, arxiv: '2408.00001' }]),
        text('b.json', '2024-08-28', [{ title: 'Same', abstract, arxiv: '2408.00002' }]),
      ]),
    ).toHaveLength(2);
  });
});
