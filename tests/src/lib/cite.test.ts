import { describe, expect, it } from 'vitest';
import { bibtex, escapeBibtex, plainCitation } from '../../../src/lib/cite.ts';

const paper = (date?: string) => ({
  title: 'Tool-Augmented Reward Modeling',
  slug: 'tool-augmented-reward-modeling',
  digests: [{ source: 'd.txt', rank: 1, ...(date ? { date } : {}) }],
});
const URL = 'https://papers.example.org/papers/tool-augmented-reward-modeling/';

describe('citations', () => {
  it('cites what is known: no authors or year are invented', () => {
    expect(plainCitation(paper('03-14'), URL, 'Abstracta')).toBe(`Tool-Augmented Reward Modeling. Abstracta, ${URL}.`);
    expect(plainCitation(paper('2024-03-14'), URL, 'Abstracta')).toBe(`Tool-Augmented Reward Modeling. 2024. Abstracta, ${URL}.`);
    expect(plainCitation({ ...paper(), authors: ['A. Author', 'B. Author'] }, URL, 'Abstracta')).toBe(
      `A. Author, B. Author. Tool-Augmented Reward Modeling. Abstracta, ${URL}.`,
    );
  });

  it('writes a BibTeX @misc with the year only when known', () => {
    expect(bibtex(paper('03-14'), URL)).toBe(
      `@misc{tool-augmented-reward-modeling,\n  title = {{Tool-Augmented Reward Modeling}},\n  howpublished = {\\url{${URL}}},\n  note = {Trending Mar 14}\n}`,
    );
    expect(bibtex(paper('2024-03-14'), URL)).toContain('  year = {2024},\n');
    expect(bibtex({ ...paper(), authors: ['A. Author', 'B. Author'] }, URL)).toContain('  author = {A. Author and B. Author},\n');
  });

  it.each([
    ['50% & $5 #1 a_b {x} ~ ^ \\', '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\~{} \\^{} \\textbackslash{}'],
    ['plain', 'plain'],
  ])('escapes %j for BibTeX', (input, output) => {
    expect(escapeBibtex(input)).toBe(output);
  });

  it('keys entries by a safe form of the slug', () => {
    expect(bibtex({ ...paper(), slug: '注意力-is-all' }, URL)).toMatch(/^@misc\{-is-all,/);
    expect(bibtex({ ...paper(), slug: '注意力' }, URL)).toMatch(/^@misc\{paper,/);
  });
});
