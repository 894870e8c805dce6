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
import { urlHelpers } from '../../src/lib/url.ts';
import type { Paper, Topic } from '../../src/schemas.ts';
import { NOTES_MARKER } from '../entries/entry.ts';
import { inertHtml, notesText } from '../entries/mdx.ts';
import { mathAsText } from '../entries/math.ts';
import { Memo, memoKey } from '../shared/memo.ts';
import { SEARCH_ENTRIES, type SearchEntry } from './search-entry.ts';

/** The memo space of the papers' records: entry file text and topic titles → the record's HTML. */
const SEARCH_RECORDS = 'search-records';

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
 * Every record of the content folder `papersDir` with taxonomy `topics`, in URL order. URLs are from
 * the site's root, without any base path, as Pagefind records the pages of a built site (the search
 * script adds the base when it shows a result).
 */
export function contentRecords(papersDir: string, topics: readonly Topic[], memo: Memo = Memo.none()): SearchRecord[] {
  const { pageUrl } = urlHelpers('/');
  const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
  const topicTitle = (id: string) => titleOf.get(id) ?? id;
  // A paper's record depends on its entry and the topics' titles alone, and making its HTML took
  // 0.44 s of every daily update's path to the search index at 2,846 papers (CPU profile), most of
  // it for papers that had not changed: the memo keeps it by both.
  const titlesKey = memoKey(JSON.stringify(topics.map((topic) => [topic.id, topic.title])));
  const entries = readdirSync(papersDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(papersDir, name), 'utf8');
      const key = memoKey(text);
      return { key, ...memo.get(SEARCH_ENTRIES, key, () => searchEntry(text)) };
    });
  const counts = topicCounts(entries.map(({ paper }) => paper));
  return [
    ...entries.map(({ key, paper, html, text }) => ({
      url: pageUrl('papers', paper.slug),
      // Math is indexed as its readable form, so results quote `O(n log n)`, not the symbols run together.
      html: memo.get(SEARCH_RECORDS, memoKey(key, titlesKey), () => paperRecordHtml(paper as Paper, mathAsText(html), text, topicTitle)),
    })),
    ...topics.map((topic) => ({ url: pageUrl('topics', topic.id), html: topicRecordHtml(topic, counts.get(topic.id) ?? 0) })),
  ].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
