import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../scripts/shared/errors.ts';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { ROOT } from '../../helpers/paths.ts';

/** The messages of the errors parsing `text` raises. */
function errorsOf(text: string): string[] {
  try {
    parseTopicsFile(text, 'topics.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors);
    return (error as InputErrors).errors.map((e) => e.message);
  }
  throw new Error('expected errors');
}

const topic = (id: string, extra = '') =>
  `- id: ${id}\n  title: T ${id}\n  description: D\n  terms: [a, { term: b c, weight: 2 }]\n${extra}`;

describe('parseTopicsFile', () => {
  it('reads the seed taxonomy: 8 to 14 topics', () => {
    const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
    expect(topics.length).toBeGreaterThanOrEqual(8);
    expect(topics.length).toBeLessThanOrEqual(14);
  });

  it.each([
    // [case, file text, expected message]
    ['an unknown key', topic('a') + topic('b', '  colour: red\n'), 'topics.yaml:5: unknown key "colour" (at 1)'],
    ['a duplicate id', topic('a') + topic('a'), 'topics.yaml:5: duplicate topic id "a" (first defined at line 1)'],
    [
      'a topic with no terms',
      `- id: a\n  title: T\n  description: D\n  terms: []\n`,
      'topics.yaml:4: Too small: expected array to have >=1 items (at 0.terms)',
    ],
    [
      'a missing title',
      `- id: a\n  description: D\n  terms: [x]\n`,
      'topics.yaml:1: Invalid input: expected string, received undefined (at 0.title)',
    ],
    ['an id that is not a slug', topic('Not A Slug'), 'topics.yaml:1: must be a lowercase slug (at 0.id)'],
    ['an unknown parent', topic('a', '  parent: nope\n'), 'topics.yaml:1: topic "a" names an unknown parent "nope"'],
    ['broken YAML', '- id: a\n  title: [unclosed\n', expect.stringMatching(/^topics\.yaml:\d+: /)],
  ])('reports %s at its line', (_name, text, message) => {
    expect(errorsOf(text)).toContainEqual(message);
  });
});
