/**
 * What `npm run fetch` asks each API for, and how it checks an answer before anything is written: a
 * Hugging Face day must parse as daily-papers JSON and an arXiv answer as an Atom feed, with the same
 * parsers ingest uses, so a file fetch writes is a file ingest reads.
 */
import { parseArxivAtom } from '../ingest/formats/arxiv-atom.ts';
import type { ParsedDigest } from '../ingest/formats/digest.ts';
import { parseHfDaily } from '../ingest/formats/hf-daily.ts';
import { slugify, shortHash } from '../entries/slug.ts';
import { InputError } from '../shared/errors.ts';

/** The APIs' base URLs: from the environment, so tests, mirrors and proxies can stand in. */
export function apiBases(env: NodeJS.ProcessEnv = process.env) {
  return {
    hf: env.ABSTRACTA_HF_API || 'https://huggingface.co',
    arxiv: env.ABSTRACTA_ARXIV_API || 'https://export.arxiv.org',
  };
}

/** The daily papers of `date` (`YYYY-MM-DD`). */
export function hfDayUrl(base: string, date: string): string {
  const url = new URL('/api/daily_papers', base);
  url.searchParams.set('date', date);
  return url.href;
}

/** An arXiv API query: by ids, or by a search query from `start`, `max` results. */
export function arxivUrl(base: string, query: { ids: readonly string[] } | { search: string; start: number; max: number }): string {
  const url = new URL('/api/query', base);
  if ('ids' in query) {
    url.searchParams.set('id_list', query.ids.join(','));
    url.searchParams.set('max_results', String(query.ids.length));
  } else {
    url.searchParams.set('search_query', query.search);
    url.searchParams.set('start', String(query.start));
    url.searchParams.set('max_results', String(query.max));
  }
  return url.href;
}

/** A search for a title on arXiv (for `resolve`): its words, quoted, in the title field. */
export function titleSearch(title: string): string {
  const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
  return `ti:"${words.join(' ')}"`;
}

/** The file a fetched answer is saved as, in `content/digests/`. */
export const fileNames = {
  hf: (date: string) => `${date}.json`,
  ids: (ids: readonly string[]) => `arxiv-ids-${shortHash(ids.join(','), 8)}.xml`,
  search: (search: string, page: number) => `arxiv-${slugify(search).slice(0, 60)}-${page}.xml`,
};

/** Something an API answered that is not what ingest reads. */
export class BadAnswer extends Error {
  constructor(url: string, problem: string) {
    super(`${url}: the answer is not usable: ${problem}; nothing was written`);
    this.name = 'BadAnswer';
  }
}

/** A Hugging Face day's answer, checked: its papers, or none for a day without papers. */
export function checkHfDay(url: string, file: string, text: string): ParsedDigest | undefined {
  try {
    if (/^\s*\[\s*\]\s*$/.test(text)) return undefined;
    return parseHfDaily(text, file);
  } catch (error) {
    if (error instanceof InputError) throw new BadAnswer(url, error.message);
    throw error;
  }
}

/** An arXiv answer, checked: its papers, or none when the feed has no entries. */
export function checkArxiv(url: string, file: string, text: string): ParsedDigest | undefined {
  try {
    return parseArxivAtom(text, file);
  } catch (error) {
    if (error instanceof InputError && /holds no <entry>/.test(error.message)) return undefined;
    if (error instanceof InputError) throw new BadAnswer(url, error.message);
    throw error;
  }
}
