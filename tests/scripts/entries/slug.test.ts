import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, MAX_SLUG_LENGTH, slugify } from '../../../scripts/entries/slug.ts';
import { SLUG_PATTERN } from '../../../src/schemas.ts';

describe('slugify', () => {
  it.each([
    ['Tool-Augmented Reward Modeling', 'tool-augmented-reward-modeling'],
    ['S^3: Social-network Simulation System', 's3-social-network-simulation-system'],
    ['"Kelly is a Warm Person, Joseph is a Role Model": Gender Biases', 'kelly-is-a-warm-person-joseph-is-a-role-model-gender-biases'],
    ['Double Machine Learning meets Panel Data -- Promises', 'double-machine-learning-meets-panel-data-promises'],
    ['注意力 Is All', '注意力-is-all'],
    ['../../etc/passwd', 'etcpasswd'],
    ['🚀🚀🚀', expect.stringMatching(/^paper-[0-9a-f]{6}$/)],
    ['a\u0000b\u0007c', 'abc'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toEqual(slug);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify(
      'Effect Heterogeneity with Earth Observation in Randomized Controlled Trials: Exploring the Role of Data, Model, and Evaluation Metric Choice',
    );
    expect(slug).toBe('effect-heterogeneity-with-earth-observation-in-randomized-controlled-trials');
    expect(slugify('x'.repeat(400)).length).toBe(MAX_SLUG_LENGTH);
  });

  it('always gives a short, safe, single path segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (title) => {
        const slug = slugify(title);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug).not.toMatch(/[/\\\0-\u001f]|\.\./);
      }),
    );
  });
});

describe('assignSlugs', () => {
  it('keeps the first of a clash and gives the others a stable hashed suffix', () => {
    const papers = [
      { title: 'Same Title', identity: 'a' },
      { title: 'Same Title', identity: 'b' },
      { title: 'Same  title!', identity: 'c' },
    ];
    const slugs = assignSlugs(papers);
    expect(slugs[0]).toBe('same-title');
    expect(new Set(slugs).size).toBe(3);
    expect(slugs[1]).toMatch(/^same-title-[0-9a-f]{6}$/);
    // Stable: the same paper gets the same slug on every run.
    expect(assignSlugs(papers)).toEqual(slugs);
    expect(assignSlugs([papers[0], papers[2]])[1]).toBe(slugs[2]);
  });
});

describe('reserved slugs', () => {
  it('keeps papers clear of the paper index pages', () => {
    expect(slugify('By Title')).toBe('by-title-paper');
    expect(slugify('Page')).toBe('page-paper');
    expect(slugify('Pages')).toBe('pages');
  });
});
