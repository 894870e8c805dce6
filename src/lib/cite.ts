/**
 * Citations from what a digest tells us: the title, the year when known, the page's URL and the
 * digest it trended in. Authors are not in text digests, so they are left out rather than invented.
 */
import type { Paper } from '../schemas.ts';
import { formatDigestDate } from './dates.ts';

/** BibTeX's special characters, escaped so a title typesets as written. */
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (char) => BIBTEX_ESCAPES[char]);
}

type Citable = Pick<Paper, 'title' | 'slug' | 'digests' | 'authors' | 'published' | 'year' | 'arxiv'>;

/** The year: of publication when known, else of a dated digest; never guessed. */
const yearOf = (paper: Citable) =>
  (paper.published ?? paper.digests.map((d) => d.date).find((date) => date && date.length === 10))?.slice(0, 4);

/** A plain-text citation: `Authors. Title. Year. URL` with what is known. */
export function plainCitation(paper: Citable, url: string, siteTitle: string): string {
  const parts = [
    paper.authors?.length ? paper.authors.join(', ') : undefined,
    paper.title.replace(/[.\s]+$/, ''),
    yearOf(paper),
    `${siteTitle}, ${url}`,
  ];
  return `${parts.filter(Boolean).join('. ')}.`;
}

/** A BibTeX `@misc` entry keyed by the slug; title in double braces to keep its capitals. */
export function bibtex(paper: Citable, url: string): string {
  const dated = paper.digests.find((d) => d.date);
  const fields: [string, string][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ...(paper.authors?.length ? [['author', escapeBibtex(paper.authors.join(' and '))] as [string, string]] : []),
    ...(yearOf(paper) ? [['year', yearOf(paper)!] as [string, string]] : []),
    ...(paper.arxiv ? [['eprint', paper.arxiv] as [string, string], ['archiveprefix', 'arXiv'] as [string, string]] : []),
    ['howpublished', `\\url{${url}}`],
    ...(dated?.date ? [['note', `Trending ${formatDigestDate(dated.date)}`] as [string, string]] : []),
  ];
  const key = paper.slug.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60) || 'paper';
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`;
}
