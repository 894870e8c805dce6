/**
 * What each `npm run fetch` subcommand asks for and what it would write: a list of files, every one
 * already checked with ingest's parsers. Nothing here writes; the command writes the plan at the end,
 * all of it or (on any failure) none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeTitle } from '../entries/text.ts';
import { sameAbstract, identityOf, type CleanPaper } from '../ingest/merge.ts';
import type { Resolved } from '../ingest/resolved.ts';
import { getText, type HttpOptions } from './http.ts';
import { arxivUrl, checkArxiv, checkHfDay, fileNames, hfDayUrl, titleSearch } from './sources.ts';

/** A file to write into the content folder, and what it holds. */
export interface PlannedFile {
  /** Path inside `content/`. */
  path: string;
  text: string;
  /** For the summary: "3 papers", "new", "changed". */
  note: string;
}

export interface FetchContext {
  bases: { hf: string; arxiv: string };
  http: HttpOptions;
  /** The digests folder, to compare with what is there. */
  digestsDir: string;
  /** Milliseconds between two arXiv requests (their API terms ask for 3 s). */
  arxivPauseMs: number;
  /** Told what is happening, for the progress line. */
  log: (message: string) => void;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Every day from `from` to `to` (`YYYY-MM-DD`, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1))
    days.push(day.toISOString().slice(0, 10));
  return days;
}

/** Whether `text` would change the file `name` in the digests folder. */
function changes(context: FetchContext, name: string, text: string): 'new' | 'changed' | undefined {
  const path = join(context.digestsDir, name);
  if (!existsSync(path)) return 'new';
  return readFileSync(path, 'utf8') === text ? undefined : 'changed';
}

/** The Hugging Face daily papers of `days`: a file per day with papers that is new or changed. */
export async function planHf(context: FetchContext, days: readonly string[]): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const [index, day] of days.entries()) {
    const url = hfDayUrl(context.bases.hf, day);
    context.log(`Hugging Face ${day} (${index + 1} of ${days.length})`);
    const text = await getText(url, context.http);
    const name = fileNames.hf(day);
    const digest = checkHfDay(url, name, text);
    if (!digest) {
      context.log(`${day}: no papers that day; nothing to write`);
      continue;
    }
    const change = changes(context, name, text);
    if (!change) {
      context.log(`${day}: ${name} is already up to date`);
      continue;
    }
    planned.push({ path: join('digests', name), text, note: `${digest.papers.length} papers, ${change}` });
  }
  return planned;
}

/** arXiv papers by id (one request) or by a search query (pages of 100, up to `max`). */
export async function planArxiv(context: FetchContext, query: { ids: string[] } | { search: string; max: number }): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  const pages =
    'ids' in query
      ? [{ ids: query.ids }]
      : Array.from({ length: Math.ceil(query.max / 100) }, (_, i) => ({
          search: query.search,
          start: i * 100,
          max: Math.min(100, query.max - i * 100),
        }));
  for (const [index, page] of pages.entries()) {
    if (index > 0) await sleep(context.arxivPauseMs);
    const url = arxivUrl(context.bases.arxiv, page);
    context.log(`arXiv request ${index + 1} of ${pages.length}`);
    const text = await getText(url, context.http);
    const name = 'ids' in page ? fileNames.ids(page.ids) : fileNames.search(page.search, index + 1);
    const digest = checkArxiv(url, name, text);
    if (!digest) break; // The search has no more results.
    const change = changes(context, name, text);
    if (change) planned.push({ path: join('digests', name), text, note: `${digest.papers.length} papers, ${change}` });
  }
  return planned;
}

/** What `resolve` found: confident matches to record, and papers left for the user to look at. */
export interface Resolution {
  found: Resolved[];
  uncertain: { title: string; why: string }[];
}

/**
 * Looks up on arXiv every paper that has no arXiv id and is not resolved yet, by its title, and keeps
 * a match only when exactly one result has the same normalized title and an abstract that agrees
 * (the rule that merges copies of a paper, `sameAbstract`): never a wrong link.
 */
export async function resolvePapers(
  context: FetchContext,
  papers: readonly CleanPaper[],
  known: ReadonlyMap<string, Resolved>,
): Promise<Resolution> {
  const todo = papers.filter((paper) => !paper.meta.arxiv && !known.has(identityOf(paper.title, paper.abstract)));
  const resolution: Resolution = { found: [], uncertain: [] };
  for (const [index, paper] of todo.entries()) {
    if (index > 0) await sleep(context.arxivPauseMs);
    context.log(`arXiv: looking up ${index + 1} of ${todo.length}`);
    const url = arxivUrl(context.bases.arxiv, { search: titleSearch(paper.title), start: 0, max: 5 });
    const digest = checkArxiv(url, 'resolve.xml', await getText(url, context.http));
    const matches = new Set(
      (digest?.papers ?? [])
        .filter(
          (result) =>
            result.arxiv && normalizeTitle(result.title) === normalizeTitle(paper.title) && sameAbstract(result.abstract, paper.abstract),
        )
        .map((result) => result.arxiv!),
    );
    if (matches.size === 1)
      resolution.found.push({ identity: identityOf(paper.title, paper.abstract), title: paper.title, arxiv: [...matches][0] });
    else
      resolution.uncertain.push({
        title: paper.title,
        why: matches.size ? `${matches.size} arXiv papers match` : 'no arXiv paper with this title and abstract',
      });
  }
  return resolution;
}
