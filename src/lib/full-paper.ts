/**
 * The way from a paper page to the paper itself. When a source gives the arXiv id or a DOI, the
 * page links to the paper: its arXiv page and PDF, its DOI. When none does (a pasted digest), the
 * page offers searches for the title on arXiv, Semantic Scholar and Google Scholar, labelled as
 * searches, so a reader is never sent to a wrong paper as if it were this one.
 */
import { arxivLinks } from '../../scripts/ingest/formats/arxiv.ts';
import type { Link, Paper } from '../schemas.ts';

/** A search for the paper, by its title. */
export interface PaperSearch {
  /** Where it searches: "arXiv", "Semantic Scholar", "Google Scholar". */
  site: string;
  url: string;
}

export interface FullPaper {
  /** Links to the paper itself (arXiv page, PDF, DOI), when a source gave them. */
  links: Link[];
  /** Searches for its title, when there is no link to the paper. */
  searches: PaperSearch[];
}

const PAPER_KINDS = new Set<Link['kind']>(['arxiv', 'pdf', 'doi']);

/** A URL with `params` in its query, encoded by the URL API. */
function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** Links that are not the paper itself: code, data, project pages. */
export function otherLinks(links: readonly Link[]): Link[] {
  return links.filter((link) => !PAPER_KINDS.has(link.kind));
}

/** The links to a paper, or the searches for it. */
export function fullPaper(paper: Pick<Paper, 'title' | 'links' | 'arxiv'>): FullPaper {
  const links = paper.links.filter((link) => PAPER_KINDS.has(link.kind));
  if (paper.arxiv && !links.some((link) => link.kind === 'arxiv')) links.unshift(...arxivLinks(paper.arxiv));
  if (links.length) return { links, searches: [] };
  return {
    links: [],
    searches: [
      { site: 'arXiv', url: withQuery('https://arxiv.org/search/', { query: paper.title, searchtype: 'title' }) },
      { site: 'Semantic Scholar', url: withQuery('https://www.semanticscholar.org/search', { q: paper.title }) },
      { site: 'Google Scholar', url: withQuery('https://scholar.google.com/scholar', { q: `"${paper.title}"` }) },
    ],
  };
}
