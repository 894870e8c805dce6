import { describe, expect, it } from 'vitest';
import { readPinnedTopics } from '../../../scripts/entries/pinned.ts';

const known = new Set(['alignment', 'evaluation']);
const entry = (frontmatter: string) => `---\n${frontmatter}\n---\n\nBody.\n`;

describe('readPinnedTopics', () => {
  it('returns the topics of an entry marked topicsPinned: true', () => {
    expect(readPinnedTopics(entry('title: T\ntopics:\n  - evaluation\n  - alignment\ntopicsPinned: true'), 'p.mdx', known)).toEqual([
      'evaluation',
      'alignment',
    ]);
  });

  it('ignores entries without the mark', () => {
    expect(readPinnedTopics(entry('title: T\ntopics: [evaluation]'), 'p.mdx', known)).toBeUndefined();
    expect(readPinnedTopics(entry('topics: [evaluation]\ntopicsPinned: false'), 'p.mdx', known)).toBeUndefined();
    expect(readPinnedTopics('no frontmatter', 'p.mdx', known)).toBeUndefined();
  });

  it.each([
    // [frontmatter, message, line in the file]
    ['title: T\ntopics:\n  - nope\ntopicsPinned: true', /p\.mdx:4: pinned topic "nope" not in topics\.yaml/],
    ['topics: []\ntopicsPinned: true', /p\.mdx:2: topicsPinned is true, so topics must be a list of 1 to 3 topic ids/],
    ['topics: [a, b, c, d]\ntopicsPinned: true', /p\.mdx:2: .*1 to 3/],
  ])('refuses %j', (frontmatter, message) => {
    expect(() => readPinnedTopics(entry(frontmatter), 'p.mdx', known)).toThrow(message);
  });
});
