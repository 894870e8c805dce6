/**
 * Parser for Hugging Face daily-papers exports: the JSON array the `/api/daily_papers` endpoint
 * returns, one entry per paper with `paper.title` and `paper.summary`. Titles and summaries keep
 * arXiv's hard line breaks; the pipeline's whitespace folding unwraps them. Problems are reported
 * at a JSON path (`file:$[3].paper.title: ...`).
 */
import { basename } from 'node:path';
import { z } from 'astro/zod';
import { MAX_KEYWORDS } from '../../../src/schemas.ts';
import type { ParsedDigest, ParseOptions } from './digest.ts';
import { dateFromFileName, formatDay } from './digest-date.ts';
import { InputError, parseEntries } from '../../shared/errors.ts';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { arxivId, arxivLinks } from './arxiv.ts';
import { httpUrl } from '../../entries/links.ts';
import { lineAt } from './decode.ts';

const entrySchema = z.looseObject({
  paper: z.looseObject({
    id: z.string().optional(),
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    authors: z.array(z.looseObject({ name: z.string().optional(), hidden: z.boolean().optional() })).optional(),
    publishedAt: z.string().optional(),
    githubRepo: z.string().optional(),
    projectPage: z.string().optional(),
    upvotes: z.number().int().nonnegative().optional(),
    ai_keywords: z.array(z.string()).optional(),
  }),
  publishedAt: z.string().optional(),
});

/** An http(s) URL as given, or nothing: a field may hold anything. */

/** True when the text is JSON (an array or an object at the top). */
export function isJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** Describes a JSON value for an error message. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    return `an object with key${keys.length === 1 ? '' : 's'} ${keys
      .slice(0, 5)
      .map((k) => `"${k}"`)
      .join(', ')}`;
  }
  return `a ${typeof value}`;
}

/**
 * Where a JSON text is broken. V8's messages no longer give a position, so the text is scanned again
 * with `jsonc-parser` (strict: no comments, no trailing commas), which reports the offset.
 */
function jsonError(text: string): { line: number; message: string } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  return first ? { line: lineAt(text, first.offset), message: printParseErrorCode(first.error) } : { line: 1, message: 'unreadable' };
}

/** Parses a daily-papers JSON file; throws an {@link InputError} naming the JSON path of the first problem. */
export function parseHfDaily(text: string, file: string, options: ParseOptions = {}): ParsedDigest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = jsonError(text);
    throw new InputError(file, where.line, `not valid JSON (${where.message}): ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    throw new InputError(file, '$', `expected a JSON array of Hugging Face daily-papers entries, found ${describe(data)}`);
  }
  if (data.length === 0) throw new InputError(file, '$', 'the array holds no papers');
  const { parsed: papers, skipped } = parseEntries(
    data as unknown[],
    (entry, index) => {
      const where = `$[${index}]`;
      if (typeof entry === 'string') {
        throw new InputError(
          file,
          where,
          'expected a daily-papers entry (an object with a "paper" field), found a string; the file looks like Python repr strings, not JSON objects',
        );
      }
      const result = entrySchema.safeParse(entry);
      if (!result.success) {
        const issue = result.error.issues[0];
        const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
        throw new InputError(file, `${where}${path}`, `expected a daily-papers entry with paper.title and paper.summary: ${issue.message}`);
      }
      const { paper } = result.data;
      const id = paper.id ? arxivId(paper.id) : undefined;
      const code = httpUrl(paper.githubRepo);
      const project = httpUrl(paper.projectPage);
      const published = /^\d{4}-\d{2}-\d{2}/.exec(paper.publishedAt ?? '')?.[0];
      return {
        title: paper.title,
        abstract: paper.summary,
        line: index + 1,
        authors: (paper.authors ?? []).filter((author) => !author.hidden && author.name?.trim()).map((author) => author.name!.trim()),
        ...(id ? { arxiv: id } : {}),
        ...(published ? { published } : {}),
        ...(paper.upvotes !== undefined ? { upvotes: paper.upvotes } : {}),
        ...(paper.ai_keywords?.length
          ? // Every keyword: the page shows the first few, search finds them all.
            { keywords: [...new Set(paper.ai_keywords.map((k) => k.trim()).filter(Boolean))].slice(0, MAX_KEYWORDS) }
          : {}),
        links: [
          ...(id ? arxivLinks(id) : []),
          ...(code ? [{ url: code, kind: 'code' as const }] : []),
          ...(project ? [{ url: project, kind: 'project' as const }] : []),
        ],
      };
    },
    options.lenient,
  );
  if (!papers.length) throw skipped[0];
  const source = basename(file);
  const fromName = dateFromFileName(source);
  const firstDay = /^(\d{4}-\d{2}-\d{2})/.exec((data[0] as { publishedAt?: string }).publishedAt ?? '')?.[1];
  const date = fromName ? formatDay({ ...fromName, year: options.year ?? fromName.year }) : firstDay;
  return { source, date, papers, ...(skipped.length ? { skipped } : {}) };
}
