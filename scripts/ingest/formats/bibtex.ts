/**
 * Parser for BibTeX files with `abstract` fields, on `@retorquere/bibtex-parser` (the parser behind
 * Zotero's Better BibTeX): LaTeX accents, commands and braces become Unicode text, author lists become
 * names. Titles keep their case as written (no sentence-casing). Each entry needs a title and an
 * abstract; the arXiv id comes from `eprint` (with `archivePrefix = arXiv`) or an arXiv URL, and DOI
 * and URL fields become links.
 */
import { basename } from 'node:path';
import { parse as parseBibtexText } from '@retorquere/bibtex-parser';
import type { Link } from '../../../src/schemas.ts';
import { arxivId, arxivLinks, doiLink } from './arxiv.ts';
import { lineAt } from './decode.ts';
import type { ParsedDigest, ParseOptions, RawPaper } from './digest.ts';
import { dateFromFileName, formatDay } from './digest-date.ts';
import { InputError, parseEntries } from '../../shared/errors.ts';
import { classifyLink, httpUrl } from '../../entries/links.ts';

/** True when the text is BibTeX: entries that start with `@type{` (after comments, perhaps). */
export function isBibtex(text: string): boolean {
  return /^\s*(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]/.test(text);
}

interface Creator {
  name?: string;
  firstName?: string;
  lastName?: string;
}

// The parser writes accents as combining marks (e + ◌́); NFC makes them the precomposed letters
// every other source uses, so titles compare and search alike.
const nameOf = (creator: Creator) =>
  (creator.name ?? [creator.firstName, creator.lastName].filter(Boolean).join(' ')).trim().normalize('NFC');
const single = (value: unknown) =>
  (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim().normalize('NFC');

/** Parses a BibTeX file; throws an {@link InputError} at the line of the first problem. */
export function parseBibtex(text: string, file: string, options: ParseOptions = {}): ParsedDigest {
  const library = parseBibtexText(text, { sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  const syntaxErrors = library.errors.map((error) => {
    const line = Number(/at line (\d+)/.exec(error.error)?.[1] ?? 1);
    return new InputError(file, line, `not valid BibTeX: ${error.error.replace(/\s+at line \d+, column \d+/, '')}`);
  });
  if (syntaxErrors.length && !options.lenient) throw syntaxErrors[0];
  // An entry the parser could not finish has no input text: it is among the errors above.
  const entries = library.entries.filter((entry) => entry.input);
  const { parsed: papers, skipped } = parseEntries(
    entries,
    (entry): RawPaper => {
      const at = text.indexOf(entry.input);
      const line = at === -1 ? 1 : lineAt(text, at);
      const fields = entry.fields as Record<string, unknown>;
      const title = single(fields.title);
      const abstract = single(fields.abstract);
      if (!title) throw new InputError(file, line, `entry "${entry.key}" has no title`);
      if (!abstract) throw new InputError(file, line, `entry "${entry.key}" has no abstract; Abstracta needs one to make a page`);
      const eprint = single(fields.eprint);
      const rawUrl = single(fields.url);
      const url = httpUrl(rawUrl);
      const arxiv =
        (single(fields.archiveprefix).toLowerCase() === 'arxiv' && eprint ? arxivId(eprint) : undefined) ??
        (rawUrl ? arxivId(rawUrl) : undefined);
      const doi = single(fields.doi);
      const links: Link[] = [...(arxiv ? arxivLinks(arxiv) : []), ...(doi ? doiLink(doi) : [])];
      if (url && !links.some((link) => link.url === url) && !arxivId(url)) links.push({ url, kind: classifyLink(url) });
      const year = Number(single(fields.year));
      return {
        title,
        abstract,
        line,
        authors: ((fields.author as Creator[] | undefined) ?? []).map(nameOf).filter(Boolean),
        ...(arxiv ? { arxiv } : {}),
        ...(Number.isInteger(year) && year > 1000 ? { year } : {}),
        links,
      };
    },
    options.lenient,
  );
  skipped.unshift(...syntaxErrors);
  if (!papers.length) throw skipped[0] ?? new InputError(file, 1, 'the file holds no BibTeX entries');
  const source = basename(file);
  const fromName = dateFromFileName(source);
  const date = fromName ? formatDay({ ...fromName, year: options.year ?? fromName.year }) : undefined;
  return { source, ...(date ? { date } : {}), papers, ...(skipped.length ? { skipped } : {}) };
}
