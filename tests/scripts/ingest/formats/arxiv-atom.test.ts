import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxivId } from '../../../../scripts/ingest/formats/arxiv.ts';
import { InputError } from '../../../../scripts/shared/errors.ts';
import { parseInput } from '../../../../scripts/ingest/formats/parse-input.ts';
import { ARXIV_ID_PATTERN } from '../../../../src/schemas.ts';
import { FIXTURES } from '../../../helpers/paths.ts';

const atom = (name: string) => parseInput(readFileSync(join(FIXTURES, 'arxiv-atom', name)), name);

describe('arXiv Atom', () => {
  it.each([
    // [real response, entries]
    ['sotawhat_arxiv_transformer.xml', 5], // new layout
    ['arxiv-digest_arxiv_response.xml', 10], // with DOIs
    ['xiv_arxiv_response.xml', 2], // old layout, wrapped lines
  ])('reads every entry of %s', (name, count) => {
    const digest = atom(name);
    expect(digest.papers).toHaveLength(count);
    for (const paper of digest.papers) {
      expect(paper.title.length).toBeGreaterThan(5);
      expect(paper.abstract.length).toBeGreaterThan(100);
      expect(paper.authors!.length).toBeGreaterThan(0);
      // New-style ids, and old-style ones such as q-bio/0509018.
      expect(paper.arxiv).toMatch(ARXIV_ID_PATTERN);
      expect(paper.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(paper.links!.map((l) => l.kind).slice(0, 2)).toEqual(['arxiv', 'pdf']);
    }
  });

  it('keeps the id without version, authors in order, the primary category first, and the DOI', () => {
    const [first] = atom('xiv_arxiv_response.xml').papers;
    expect(first).toMatchObject({
      arxiv: '2510.14968',
      published: '2025-10-16',
      authors: ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li'],
    });
    expect(first.categories![0]).toBe('cs.RO');
    expect(first.title).toMatch(/^RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in\s+Long-Horizon Tasks$/);
    const withDoi = atom('arxiv-digest_arxiv_response.xml').papers.find((p) => p.links!.some((l) => l.kind === 'doi'))!;
    expect(withDoi.links!.find((l) => l.kind === 'doi')!.url).toMatch(/^https:\/\/doi\.org\/10\./);
  });

  it.each([
    ['<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title></entry>', /not well-formed XML/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', /no <entry>/],
    [
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title></entry></feed>',
      /entry 1: expected an entry with a <title> and a <summary>/,
    ],
  ])('refuses %j', (text, message) => {
    expect(() => parseInput(new TextEncoder().encode(text), 'q.xml')).toThrow(message);
    expect(() => parseInput(new TextEncoder().encode(text), 'q.xml')).toThrow(InputError);
  });

  it.each([
    ['http://arxiv.org/abs/2510.14968v1', '2510.14968'],
    ['https://arxiv.org/pdf/2401.00001v3.pdf', '2401.00001'],
    ['2407.12345', '2407.12345'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['https://example.org/2401.00001', undefined],
    ['not an id', undefined],
  ])('arxivId(%j) → %j', (text, id) => {
    expect(arxivId(text)).toBe(id);
  });
});
