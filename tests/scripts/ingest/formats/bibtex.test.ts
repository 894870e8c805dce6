import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../scripts/ingest/formats/parse-input.ts';
import { FIXTURES } from '../../../helpers/paths.ts';

const file = join(FIXTURES, 'bibtex', 'reading-list.bib');
const bytes = readFileSync(file);

describe('BibTeX', () => {
  it('refuses an entry without an abstract, at its line', () => {
    expect(() => parseInput(bytes, 'reading-list.bib')).toThrow(/reading-list\.bib:21: entry "noabstract" has no abstract/);
  });

  it('with lenient, reads the others: LaTeX to Unicode, authors, arXiv id, DOI and URL links, year', () => {
    const digest = parseInput(bytes, 'reading-list.bib', { lenient: true });
    expect(digest.skipped!.map((e) => e.message)).toEqual([expect.stringMatching(/:21: entry "noabstract" has no abstract/)]);
    const [attention, cafe] = digest.papers;
    expect(attention).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      arxiv: '1706.03762',
      year: 2017,
      line: 2,
    });
    expect(attention.links!.map((l) => l.kind)).toEqual(['arxiv', 'pdf']);
    expect(cafe.title).toBe('Café Recommendations with Über-Fast Retrieval: 50% Less Latency');
    expect(cafe.authors).toEqual(['Jörg Müller', 'Anaïs François']);
    expect(cafe.abstract).toContain('café recommendation');
    expect(cafe.abstract).toContain('α-weighted');
    expect(cafe.abstract).toContain('50%');
    expect(cafe.links).toEqual([
      { url: 'https://doi.org/10.1000/xyz123', kind: 'doi' },
      { url: 'https://example.org/cafe-retrieval', kind: 'project' },
    ]);
  });

  it('reports a syntax error at its line', () => {
    const text = '@article{a,\n  title = {T},\n  abstract = {A}\n\n@article{b, title = {U}, abstract = {B}}\n';
    expect(() => parseInput(new TextEncoder().encode(text), 'x.bib')).toThrow(/x\.bib:\d+: not valid BibTeX/);
  });
});
