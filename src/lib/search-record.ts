/**
 * The search index's view of a page, built from content rather than from the built page: the same
 * `data-pagefind-*` markup the paper and topic pages carry (title weighted 10, keywords 5, abstract 1;
 * `title`, `topics` and `date` meta; `topic`, `date` and `author` filters), and nothing else. `npm run build` indexes these while Astro renders, instead of reading every page after it; the
 * dev server indexes them too. `tests/site/search-records.test.ts` holds them to the built pages:
 * Pagefind must extract the same fragment (text, weights, meta, filters) from both.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { SHOWN_KEYWORDS, type Paper, type Topic } from '../schemas.ts';
import { formatDigestDate } from './dates.ts';
import { paperKeys } from './reading-list-entry.ts';
import { searchOnlyWords } from './search-words.ts';

/** A page to index: its URL and an HTML document Pagefind reads as it would read the page. */
export interface SearchRecord {
  url: string;
  html: string;
}

const document = (lang: string, body: Element): string =>
  toHtml({ type: 'root', children: [h('html', { lang }, [h('head'), h('body', [body])])] } satisfies Root, { allowDangerousHtml: true });

/**
 * The record of a paper page. `abstractHtml` is the abstract as the page renders it (trusted: made by
 * `inertHtml`, escaped text and links only) and `abstractText` its plain text; `topicTitle` names a topic.
 */
export function paperRecordHtml(
  paper: Paper,
  abstractHtml: string,
  abstractText: string,
  topicTitle: (id: string) => string,
  lang = 'en',
): string {
  const dated = paper.digests.filter((d) => d.date);
  const spaced = searchOnlyWords(paper.title, abstractText, paper.keywords);
  const children: ElementContent[] = [
    h('h1', { dir: 'auto', dataPagefindMeta: 'title', dataPagefindWeight: '10' }, paper.title),
    ...(paper.authors?.length ? [h('p', { dir: 'auto' }, paper.authors.join(', '))] : []),
    h('p', { dataPagefindIgnore: '' }, [
      h('span', { hidden: true, dataPagefindMeta: 'topics' }, paper.topics.map(topicTitle).join(' · ')),
      h('span', { hidden: true, dataPagefindMeta: 'keys' }, JSON.stringify(paperKeys(paper))),
      ...dated.map((d) => h('span', { hidden: true, dataPagefindFilter: 'date' }, formatDigestDate(d.date!))),
      ...(paper.authors ?? []).map((author) => h('span', { hidden: true, dataPagefindFilter: 'author' }, author)),
      ...(dated.length ? [h('span', { dataPagefindMeta: `date:${dated[0].date}` })] : []),
    ]),
    h('div', { dataPagefindIgnore: '' }, [
      h(
        'ul',
        paper.topics.map((id) => h('li', [h('a', { dataPagefindFilter: 'topic' }, topicTitle(id))])),
      ),
    ]),
    h('section', [
      h('div', { dir: 'auto' }, [{ type: 'raw', value: abstractHtml } as unknown as ElementContent]),
      ...(spaced ? [h('div', { hidden: true }, spaced)] : []),
    ]),
    ...(paper.keywords.length
      ? [
          h('section', [
            h(
              'ul',
              { dataPagefindWeight: '5' },
              paper.keywords.slice(0, SHOWN_KEYWORDS).map((keyword) => h('li', [h('a', keyword)])),
            ),
            ...(paper.keywords.length > SHOWN_KEYWORDS
              ? [
                  h(
                    'ul',
                    { hidden: true, dataPagefindWeight: '5' },
                    paper.keywords.slice(SHOWN_KEYWORDS).map((keyword) => h('li', keyword)),
                  ),
                ]
              : []),
          ]),
        ]
      : []),
  ];
  return document(lang, h('article', { dataPagefindBody: '' }, children));
}

/** The record of a topic page: its title (a `topic` filter value too), description and paper count. */
export function topicRecordHtml(topic: Pick<Topic, 'title' | 'description'>, papers: number, lang = 'en'): string {
  return document(
    lang,
    h('div', { dataPagefindBody: '' }, [
      h('h1', { dataPagefindMeta: 'title', dataPagefindFilter: 'topic', dataPagefindWeight: '10' }, topic.title),
      h('p', topic.description),
      h('p', `${papers} ${papers === 1 ? 'paper' : 'papers'}`),
    ]),
  );
}
