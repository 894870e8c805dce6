import { describe, expect, it } from 'vitest';
import { abstractToMdx } from '../../../scripts/entries/mdx.ts';
import { readRedirects, redirectsFile, updateRedirects } from '../../../scripts/ingest/redirects.ts';

const abstract =
  'We introduce a holistic benchmark for multimodal foundation models that evaluates basic skills, information flow and real-world use cases across thirty datasets, and we study how model scale and data affect it.';
const papers = [
  { slug: 'hemm', title: 'HEMM: Holistic Evaluation of Multimodal Foundation Models', abstract },
  {
    slug: 'other',
    title: 'Another Paper',
    abstract: 'Something else entirely, about graphs and their many uses in the sciences and in engineering.',
  },
];
const gone = (slug: string, title: string, text: string) => new Map([[slug, { title, body: abstractToMdx(text) }]]);

describe('updateRedirects', () => {
  it('sends a slug that is gone to the paper it became', () => {
    expect(updateRedirects({}, gone('hemm-a1b2c3', 'HEMM: Holistic Evaluation of Multimodal Foundation Models', abstract), papers)).toEqual(
      {
        'hemm-a1b2c3': 'hemm',
      },
    );
  });

  it('does not send a paper that left to a different paper with its title', () => {
    expect(
      updateRedirects(
        {},
        gone(
          'hemm-old',
          'HEMM: Holistic Evaluation of Multimodal Foundation Models',
          'A different abstract about something else entirely, with other words in it.',
        ),
        papers,
      ),
    ).toEqual({});
  });

  it('keeps earlier redirects while their target stands, follows a target that moved, and drops the rest', () => {
    const previous = { 'old-1': 'hemm', 'old-2': 'hemm-a1b2c3', 'old-3': 'vanished', other: 'hemm' };
    const next = updateRedirects(
      previous,
      gone('hemm-a1b2c3', 'HEMM: Holistic Evaluation of Multimodal Foundation Models', abstract),
      papers,
    );
    // old-2 led to a slug that now leads to hemm; old-3's target is gone; `other` is a page again.
    expect(next).toEqual({ 'hemm-a1b2c3': 'hemm', 'old-1': 'hemm', 'old-2': 'hemm' });
  });

  it('round-trips through its file, and reads a broken one as none', () => {
    const redirects = { a: 'b' };
    expect(readRedirects(redirectsFile(redirects))).toEqual(redirects);
    expect(redirectsFile({})).toBeUndefined();
    expect(readRedirects('not json')).toEqual({});
    expect(readRedirects('[1, 2]')).toEqual({});
  });
});
