/**
 * Parser for text digests: a "trending papers" page pasted as text. The layout is a header of known
 * boilerplate lines and a date line (`Mar 14`), then for each paper a title line, a blank line and an
 * abstract paragraph. Paragraphs may be wrapped over several lines; blank lines may come in runs.
 */
import type { ParsedDigest, ParseOptions, RawPaper } from './digest.ts';
import { dateFromFileName, formatDay, parseDateLine, type DayOfYear } from './digest-date.ts';
import { InputError } from '../../shared/errors.ts';
import { basename } from 'node:path';

/** Header lines of the pasted page that carry no content (compared case-insensitively). */
const BOILERPLATE = new Set(['new', 'get trending papers in your email inbox!', 'subscribe', 'byak and the research community']);

/** Longer than this, a paragraph is an abstract, not a title: no real title runs to 300 characters. */
const MAX_TITLE_CHARS = 300;
/** A paragraph shorter than this that does not end a sentence reads as a title, not an abstract. */
const MIN_ABSTRACT_WORDS = 20;

interface Block {
  text: string;
  line: number;
  lines: number;
}

/** Splits text into paragraphs: runs of non-blank lines, each line trimmed, joined with a space. */
function blocks(text: string): Block[] {
  const result: Block[] = [];
  let current: string[] = [];
  let start = 0;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') {
      if (current.length) result.push({ text: current.join(' '), line: start, lines: current.length });
      current = [];
      return;
    }
    if (!current.length) start = index + 1;
    current.push(line);
  });
  if (current.length) result.push({ text: current.join(' '), line: start, lines: current.length });
  return result;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Ends like a sentence (or with a URL, as many abstracts do) rather than stopping mid-word. */
const endsCleanly = (text: string) => /[.!?。)\]"'”’]$|https?:\/\/\S+$/.test(text);

const looksLikeAbstract = (text: string) => wordCount(text) >= MIN_ABSTRACT_WORDS || /[.。]$/.test(text);

/** True when the file's text looks like a text digest (used when sniffing the format). */
export function isTextDigest(text: string): boolean {
  const first = text.trimStart()[0];
  return first === undefined || (first !== '{' && first !== '[' && first !== '<' && first !== '@');
}

/** Parses a text digest; throws an {@link InputError} naming the line of the first problem. */
export function parseTextDigest(text: string, file: string, options: ParseOptions = {}): ParsedDigest {
  const source = basename(file);
  const all = blocks(text);
  let index = 0;
  let headerDate: DayOfYear | undefined;
  let dateLine = 0;
  // The header: known boilerplate lines, ended by the date line when there is one.
  while (index < all.length) {
    const block = all[index];
    if (block.lines === 1 && BOILERPLATE.has(block.text.toLowerCase())) {
      index++;
      continue;
    }
    const date = block.lines === 1 ? parseDateLine(block.text) : undefined;
    if (date && !headerDate) {
      headerDate = date;
      dateLine = block.line;
      index++;
      continue;
    }
    break;
  }

  const date = resolveDate(headerDate, dateLine, file, options);
  const papers: RawPaper[] = [];
  const skipped: InputError[] = [];
  // A problem stops the parse; with `lenient`, the paper is skipped (one block, or the pair) instead.
  const problem = (error: InputError, blocksToSkip: number) => {
    if (!options.lenient) throw error;
    skipped.push(error);
    index += blocksToSkip;
  };
  while (index < all.length) {
    const title = all[index];
    if (title.text.length > MAX_TITLE_CHARS) {
      problem(
        new InputError(
          file,
          title.line,
          `expected a paper title but found a paragraph of ${wordCount(title.text)} words; is a title missing, or the blank line between a title and its abstract?`,
        ),
        1,
      );
      continue;
    }
    const abstract = all[index + 1];
    if (!abstract) {
      problem(new InputError(file, title.line, `the title "${title.text}" has no abstract: the file ends after it (is it truncated?)`), 1);
      continue;
    }
    if (!looksLikeAbstract(abstract.text) && index + 2 >= all.length && !endsCleanly(abstract.text)) {
      problem(
        new InputError(
          file,
          abstract.line,
          `the abstract of "${title.text}" stops mid-sentence and the file ends there; the file looks truncated`,
        ),
        2,
      );
      continue;
    }
    if (!looksLikeAbstract(abstract.text)) {
      problem(
        new InputError(
          file,
          title.line,
          `the title "${title.text}" has no abstract: the paragraph after it (line ${abstract.line}) looks like another title`,
        ),
        1,
      );
      continue;
    }
    papers.push({ title: title.text, abstract: abstract.text, line: title.line });
    index += 2;
  }

  if (papers.length === 0) {
    throw new InputError(
      file,
      Math.max(1, all.at(-1)?.line ?? 1),
      'the digest lists no papers; expected a title line, a blank line and an abstract',
    );
  }
  const last = all.at(-1)!;
  if (!endsCleanly(last.text) && papers.at(-1)?.abstract === last.text) {
    const error = new InputError(
      file,
      last.line + last.lines - 1,
      'the last abstract stops mid-sentence; the file looks truncated (end it with a full sentence)',
    );
    if (!options.lenient) throw error;
    skipped.push(error);
    papers.pop();
  }
  return { source, date: date && formatDay(date), papers, ...(skipped.length ? { skipped } : {}) };
}

/** Applies the year rule of `digest-date.ts`, refusing dates that contradict each other. */
function resolveDate(header: DayOfYear | undefined, line: number, file: string, options: ParseOptions): DayOfYear | undefined {
  const fromName = dateFromFileName(basename(file));
  if (
    header &&
    fromName &&
    (header.month !== fromName.month || header.day !== fromName.day || (header.year ?? fromName.year) !== fromName.year)
  ) {
    throw new InputError(file, line, `the date line says ${formatDay(header)} but the file name says ${formatDay(fromName)}`);
  }
  const day = header ?? fromName;
  if (!day) return undefined;
  const year = options.year ?? day.year ?? fromName?.year;
  if (options.year !== undefined && day.year !== undefined && day.year !== options.year) {
    throw new InputError(file, line || 1, `the digest is dated ${formatDay(day)} but --year says ${options.year}`);
  }
  return { ...day, year };
}
