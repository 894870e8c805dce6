import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAbstract } from '../../../scripts/entries/mdx.ts';
import { normalizeSpace } from '../../../scripts/entries/text.ts';
import { parseTextDigest } from '../../../scripts/ingest/formats/text-digest.ts';
import { htmlText } from '../../../src/lib/html-text.ts';
import { ROOT } from '../../helpers/paths.ts';

describe('htmlText', () => {
  it("gives an abstract's plain text back from its HTML on every paper of the seed", () => {
    const name = 'trending-mar-14.txt';
    const { papers } = parseTextDigest(readFileSync(join(ROOT, 'content/digests', name), 'utf8'), name);
    for (const { abstract } of papers) {
      const { html, text } = renderAbstract(abstract);
      expect(htmlText(html)).toBe(text);
    }
  });

  it('decodes what the HTML escapes, and gives links their text', () => {
    const { html, text } = renderAbstract('A & B < C > D "quoted" \'single\' &amp; café 中文 see https://x.org/a?b=1&c=2 now.');
    expect(html).toContain('&#x26;');
    expect(htmlText(html)).toBe(text);
  });

  it('gives the same text as ingest for any abstract without math, its whitespace folded as ingest folds it', () => {
    const piece = fc.constantFrom(
      'word',
      ' ',
      '\n',
      '&',
      '<',
      '>',
      '"',
      "'",
      '&lt;',
      '&#x26;',
      'é',
      'https://a.org/x?y=1&z=2',
      '*',
      '_',
      '{',
      '}',
      '\\',
      '`',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const abstract = normalizeSpace(`Start ${pieces.join('')} end.`);
        const { html, text } = renderAbstract(abstract);
        expect(htmlText(html)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
