import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn } from '../../../../scripts/ingest/inputs.ts';
import { InputError } from '../../../../scripts/shared/errors.ts';
import { parseInput } from '../../../../scripts/ingest/formats/parse-input.ts';
import { FIXTURES } from '../../../helpers/paths.ts';

const HF = join(FIXTURES, 'hf-daily-papers');
const parse = (text: string, file = 'day.json') => parseInput(new TextEncoder().encode(text), file);
const entry = (title: string, summary: string) => ({
  paper: { id: '2401.00001', title, summary },
  publishedAt: '2024-01-02T00:00:00.000Z',
});

describe('Hugging Face daily-papers JSON', () => {
  it('reads every real file, dated by its file name', () => {
    const files = filesIn(join(HF, '2026'));
    const digests = files.map((file) => parseInput(readFileSync(file), file));
    expect(digests.reduce((n, d) => n + d.papers.length, 0)).toBe(755);
    expect(digests[0].date).toBe('2026-07-01');
    for (const digest of digests) for (const paper of digest.papers) expect(paper.title.length).toBeGreaterThan(5);
  });

  it('is chosen by content, not by extension', () => {
    const digest = parse(JSON.stringify([entry('A Title', 'An abstract.')]), 'export.txt');
    expect(digest.papers).toMatchObject([{ title: 'A Title', abstract: 'An abstract.', line: 1, arxiv: '2401.00001' }]);
    expect(digest.date).toBe('2024-01-02');
  });

  it.each([
    // [real broken file, the message]
    [
      '2024-12-11.json',
      /2024-12-11\.json:\$\[0\]: expected a daily-papers entry .* found a string; the file looks like Python repr strings/,
    ],
    [
      '2025-01-10.json',
      /2025-01-10\.json:\$: expected a JSON array of Hugging Face daily-papers entries, found an object with keys "status", "date", "count", "data"/,
    ],
  ])('refuses the real malformed %s with a clear message', (name, message) => {
    const file = join(HF, 'malformed', name);
    expect(() => parseInput(readFileSync(file), name)).toThrow(message);
  });

  it.each([
    // [case, JSON text, location, message]
    [
      'a missing summary',
      JSON.stringify([entry('T', 'S'), { paper: { title: 'T2' } }]),
      '$[1].paper.summary',
      /paper\.title and paper\.summary/,
    ],
    ['an empty title', JSON.stringify([entry('  ', 'S')]), '$[0].paper.title', /paper\.title/],
    ['an empty array', '[]', '$', /holds no papers/],
    ['a number', '[1]', '$[0]', /paper\.title and paper\.summary/],
    ['broken JSON on line 3', '[\n{"paper":\n  {"title": }\n]', 3, /not valid JSON/],
  ])('refuses %s at its JSON path or line', (_name, text, where, message) => {
    try {
      parse(text);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).line).toBe(where);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('Hugging Face metadata', () => {
  it('keeps the arXiv id, authors, date, code and project links', () => {
    const files = filesIn(join(HF, '2026'));
    const papers = files.flatMap((file) => parseInput(readFileSync(file), file).papers);
    const withCode = papers.find((p) => p.links?.some((l) => l.kind === 'code'))!;
    expect(withCode.arxiv).toMatch(/^\d{4}\.\d{4,5}$/);
    expect(withCode.authors!.length).toBeGreaterThan(0);
    expect(withCode.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(withCode.links!.slice(0, 2)).toEqual([
      { url: `https://arxiv.org/abs/${withCode.arxiv}`, kind: 'arxiv' },
      { url: `https://arxiv.org/pdf/${withCode.arxiv}`, kind: 'pdf' },
    ]);
    expect(papers.filter((p) => p.arxiv).length).toBe(papers.length);
  });

  it('ignores fields that are not what they claim to be', () => {
    const entry = {
      paper: {
        id: 'not-an-id',
        title: 'T',
        summary: 'S',
        githubRepo: 'javascript:alert(1)',
        projectPage: 'ftp://x',
        authors: [{ name: 'Shown' }, { name: 'Hidden', hidden: true }],
      },
    };
    const [paper] = parse(JSON.stringify([entry])).papers;
    expect(paper.arxiv).toBeUndefined();
    expect(paper.links).toEqual([]);
    expect(paper.authors).toEqual(['Shown']);
  });
});

describe('Hugging Face curated fields', () => {
  it('keeps upvotes and the ai_keywords of 2026 exports', () => {
    const [first] = parseInput(readFileSync(join(HF, '2026', '2026-07-01.json')), '2026-07-01.json').papers;
    expect(first.upvotes).toBe(162);
    expect(first.keywords!.slice(0, 2)).toEqual(['world foundation model', 'world latent space']);
    // All of them (the page shows 8, search finds every one).
    expect(first.keywords).toEqual([
      ...new Set(JSON.parse(readFileSync(join(HF, '2026', '2026-07-01.json'), 'utf8'))[0].paper.ai_keywords),
    ]);
    expect(first.keywords!.length).toBeGreaterThan(8);
  });
});
