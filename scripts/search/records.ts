/**
 * The search records of a content folder: one per paper and per topic, the same HTML the built pages
 * give Pagefind (see `src/lib/search-record.ts`), made from the entries instead of the pages so the
 * index can be built while Astro renders. What each entry needs (its frontmatter and the abstract as
 * the page shows it) is taken from ingest's memo when ingest wrote the entry, and read from the file
 * otherwise (an entry edited by hand since).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { topicCounts } from '../../src/lib/papers.ts';
import { paperRecordHtml, topicRecordHtml, type SearchRecord } from '../../src/lib/search-record.ts';
import { sortableDate } from '../../src/lib/dates.ts';
import { urlHelpers } from '../../src/lib/url.ts';
import type { Paper, Topic } from '../../src/schemas.ts';
import { NOTES_MARKER } from '../entries/entry.ts';
import { inertHtml, notesText } from '../entries/mdx.ts';
import { mathAsText } from '../entries/math.ts';
import { Memo, memoKey } from '../shared/memo.ts';
import { SEARCH_ENTRIES, type SearchEntry } from './search-entry.ts';

/** Reads what the search record needs from an entry file's text. */
export function searchEntry(text: string): SearchEntry {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  const { slug, title, authors, digests, topics, keywords } = frontmatter as Paper;
  const body = content.trim();
  const rendered = inertHtml(body);
  if (rendered) return { paper: { slug, title, authors, digests, topics, keywords }, ...rendered };
  // Hand-written MDX (notes, a component): indexed as its text; nothing in it is run.
  const at = body.indexOf(NOTES_MARKER);
  const parts = (at === -1 ? [body] : [body.slice(0, at), body.slice(at + NOTES_MARKER.length)]).map(notesText).filter(Boolean);
  return {
    paper: { slug, title, authors, digests, topics, keywords },
    html: toHtml(parts.map((part) => h('p', part))),
    text: parts.join(' '),
  };
}

/**
 * Every record of the content folder `papersDir` with taxonomy `topics`, in the order they are indexed:
 * papers by the date of their newest digest, then by URL, then the topic pages. Pagefind's files
 * depend on the order records are added; in this one a day's new papers come after every earlier
 * paper and the topic pages (whose paper counts change with any paper) come last, so what the last
 * build indexed before its topic pages is how this build's records begin, and can be indexed while
 * ingest runs (see `startBundle` in `bundle.ts`). URLs are from the site's root, without any base
 * path, as Pagefind records the pages of a built site (the search script adds the base when it shows
 * a result).
 */
export function contentRecords(papersDir: string, topics: readonly Topic[], memo: Memo = Memo.none()): SearchRecord[] {
  const { pageUrl } = urlHelpers('/');
  const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
  const topicTitle = (id: string) => titleOf.get(id) ?? id;
  const entries = readdirSync(papersDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const text = readFileSync(join(papersDir, name), 'utf8');
      return memo.get(SEARCH_ENTRIES, memoKey(text), () => searchEntry(text));
    });
  const counts = topicCounts(entries.map(({ paper }) => paper));
  const papers = entries
    .map(({ paper, html, text }) => ({
      url: pageUrl('papers', paper.slug),
      // Math is indexed as its readable form, so results quote `O(n log n)`, not the symbols run together.
      html: paperRecordHtml(paper as Paper, mathAsText(html), text, topicTitle),
      newest: paper.digests.map(({ date }) => sortableDate(date)).reduce((newest, date) => (date > newest ? date : newest), ''),
    }))
    .sort((a, b) => compare(a.newest, b.newest) || compare(a.url, b.url));
  const topicPages = topics
    .map((topic) => ({ url: pageUrl('topics', topic.id), html: topicRecordHtml(topic, counts.get(topic.id) ?? 0) }))
    .sort((a, b) => compare(a.url, b.url));
  return [...papers.map(({ url, html }) => ({ url, html })), ...topicPages];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records of `records` (in the order of {@link contentRecords}) before the first topic page: the
 * part of this build's index that a next build, unless its papers changed, begins with.
 */
export function recordsAhead(records: readonly SearchRecord[]): SearchRecord[] {
  const topicPages = urlHelpers('/').pageUrl('topics');
  const end = records.findIndex((record) => record.url.startsWith(topicPages));
  return end === -1 ? [...records] : records.slice(0, end);
}
