import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../scripts/ingest/formats/decode.ts';
import { InputError } from '../../../../scripts/shared/errors.ts';
import { parseTextDigest } from '../../../../scripts/ingest/formats/text-digest.ts';
import { ROOT } from '../../../helpers/paths.ts';

const SEED = join(ROOT, 'content/digests/trending-mar-14.txt');
const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 14\n\n';
const ABSTRACT = 'We study a thing in depth and find that it works well on every benchmark we tried, which is a long enough sentence.';

/** The InputError a parse throws (fails the test if it does not throw one). */
function parseError(text: string, file = 'digest.txt', year?: number): InputError {
  try {
    parseTextDigest(text, file, { year });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseTextDigest on the seed', () => {
  const digest = parseTextDigest(decodeText(readFileSync(SEED), SEED), SEED);

  it('finds all 83 papers in order, with the header skipped', () => {
    expect(digest.papers).toHaveLength(83);
    expect(digest.papers[0].title).toBe('Secrets of RLHF in Large Language Models Part II: Reward Modeling');
    expect(digest.papers[0].line).toBe(11);
    expect(digest.papers.at(-1)!.title).toBe('Inference-Time Scaling for Diffusion Models beyond Scaling Denoising Steps');
  });

  it('keeps the date as month and day only: the file gives no year', () => {
    expect(digest.date).toBe('03-14');
    expect(digest.source).toBe('trending-mar-14.txt');
  });

  it('keeps every abstract on one line, untouched', () => {
    for (const paper of digest.papers) {
      expect(paper.abstract.length).toBeGreaterThan(200);
      expect(paper.abstract).not.toMatch(/\n/);
    }
  });
});

describe('parseTextDigest tolerates messy text', () => {
  it('joins wrapped lines and ignores CRLF, BOM, trailing spaces and runs of blank lines', () => {
    const text = `\uFEFF${HEADER}First Title   \r\n\r\n\r\n\r\nWe study a thing   \r\nover wrapped lines.\r\n\r\nSecond  Title\r\n\r\n${ABSTRACT}  \r\n`;
    const digest = parseTextDigest(decodeText(new TextEncoder().encode(text), 'x.txt'), 'x.txt');
    expect(digest.papers.map((p) => p.title)).toEqual(['First Title', 'Second  Title']);
    expect(digest.papers[0].abstract).toBe('We study a thing over wrapped lines.');
    expect(digest.papers[1].abstract).toBe(ABSTRACT);
  });

  it('accepts a digest without the pasted header', () => {
    const digest = parseTextDigest(`Only Title\n\n${ABSTRACT}\n`, 'plain.txt');
    expect(digest.papers).toHaveLength(1);
    expect(digest.date).toBeUndefined();
  });
});

describe('digest dates and years', () => {
  const body = `Title\n\n${ABSTRACT}\n`;
  it.each([
    // [file name, header date line, --year, expected date]
    ['d.txt', 'Mar 14', undefined, '03-14'], // no year anywhere: never invent one
    ['d.txt', 'Mar 14', 2024, '2024-03-14'], // --year supplies it
    ['2024-03-14-d.txt', 'Mar 14', undefined, '2024-03-14'], // the file name supplies it
    ['2024-03-14-d.txt', '', undefined, '2024-03-14'], // the file name alone dates the digest
    ['d.txt', 'March 14, 2023', undefined, '2023-03-14'], // the date line carries its own year
    ['d.txt', '', undefined, undefined], // no date at all
  ])('%s with date line %j and year %s → %s', (file, dateLine, year, expected) => {
    const text = dateLine ? `new\n\n${dateLine}\n\n${body}` : body;
    expect(parseTextDigest(text, file, { year }).date).toBe(expected);
  });

  it('refuses a date line that contradicts the file name', () => {
    expect(parseError(`Mar 15\n\n${body}`, '2024-03-14-d.txt').message).toMatch(
      /2024-03-14-d\.txt:1: the date line says 03-15 but the file name says 2024-03-14/,
    );
  });

  it('refuses a --year that contradicts the date line', () => {
    expect(parseError(`Mar 14, 2023\n\n${body}`, 'd.txt', 2024).message).toMatch(/d\.txt:1: .*--year says 2024/);
  });
});

describe('parseTextDigest refuses what does not fit, naming the line', () => {
  it.each([
    // [case, text, expected line, message pattern]
    [
      'a title with no abstract at the end',
      `${HEADER}Title One\n\n${ABSTRACT}\n\nDangling Title\n`,
      15,
      /"Dangling Title" has no abstract: the file ends after it/,
    ],
    [
      'a title followed by another title',
      `${HEADER}Title One\n\nTitle Two\n\n${ABSTRACT}\n`,
      11,
      /"Title One" has no abstract: the paragraph after it \(line 13\) looks like another title/,
    ],
    [
      'an abstract cut off mid-sentence',
      `${HEADER}Title One\n\nWe study a thing in depth and find that it works well on every benchmark we tried, which is tremendou\n`,
      13,
      /stops mid-sentence; the file looks truncated/,
    ],
    ['a header and nothing else', HEADER, 9, /lists no papers/],
    ['only blank lines', '\n\n  \n', 1, /lists no papers/],
    [
      'an abstract with no title before it',
      `${HEADER}${'word '.repeat(80)}.\n`,
      11,
      /expected a paper title but found a paragraph of 81 words/,
    ],
  ])('%s', (_name, text, line, message) => {
    const error = parseError(text);
    expect(error.file).toBe('digest.txt');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`digest.txt:${line}: `)).toBe(true);
  });

  it('accepts an abstract that ends with a URL (many do)', () => {
    expect(parseTextDigest(`T\n\n${ABSTRACT} Code: https://github.com/a/b\n`, 'd.txt').papers).toHaveLength(1);
  });
});

describe('parseTextDigest with lenient', () => {
  it('skips what does not fit, reports it, and keeps the rest', () => {
    const text = `${HEADER}Good One\n\n${ABSTRACT}\n\nDangling Title\n\nGood Two\n\n${ABSTRACT}\n`;
    const digest = parseTextDigest(text, 'digest.txt', { lenient: true });
    expect(digest.papers.map((p) => p.title)).toEqual(['Good One', 'Good Two']);
    expect(digest.skipped!.map((e) => e.message)).toEqual([
      'digest.txt:15: the title "Dangling Title" has no abstract: the paragraph after it (line 17) looks like another title',
    ]);
  });
});
