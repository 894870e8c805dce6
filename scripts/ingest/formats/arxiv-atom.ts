/**
 * Parser for arXiv API responses (`/api/query`, Atom), with `fast-xml-parser`: one paper per
 * `<entry>`, with its arXiv id (versionless), title, summary (hard line breaks unwrapped later), authors,
 * first publication date, categories (primary first), and links to the abstract page, the PDF and the
 * DOI. Old and new layouts of the feed both parse.
 */
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedDigest, ParseOptions, RawPaper } from './digest.ts';
import { arxivId, arxivLinks, doiLink } from './arxiv.ts';
import { dateFromFileName, formatDay } from './digest-date.ts';
import { InputError, parseEntries } from '../../shared/errors.ts';

/** True when the text is an Atom feed. */
export function isAtom(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?<feed[\s>]/.test(text);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Always arrays where the feed may repeat an element, so one entry or one author parse alike.
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  trimValues: true,
  textNodeName: 'text',
});

/** The text of an element that may carry attributes (`<title type="html">`) or not. */
const textOf = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as { text?: unknown }).text ?? '') : String(value ?? '');

/** Parses an arXiv Atom response; throws an {@link InputError} at the line or entry of the first problem. */
export function parseArxivAtom(text: string, file: string, options: ParseOptions = {}): ParsedDigest {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  const root = parser.parse(text) as { feed?: { entry?: Record<string, unknown>[] } | '' };
  if (!('feed' in root)) throw new InputError(file, 1, 'expected an Atom <feed> from the arXiv API');
  // An empty <feed></feed> parses as an empty string.
  const entries = (root.feed || {}).entry ?? [];
  if (!entries.length) throw new InputError(file, 1, 'the feed holds no <entry>: no papers');
  const { parsed: papers, skipped } = parseEntries(
    entries,
    (entry, index): RawPaper => {
      const where = `entry ${index + 1}`;
      const title = textOf(entry.title).trim();
      const abstract = textOf(entry.summary).trim();
      if (!title || !abstract) throw new InputError(file, `${where}`, 'expected an entry with a <title> and a <summary>');
      const id = arxivId(textOf(entry.id));
      const links = (entry.link as { href?: string; title?: string }[] | undefined) ?? [];
      const doi = textOf(entry.doi) || links.find((link) => link.title === 'doi')?.href?.replace(/^https?:\/\/(dx\.)?doi\.org\//, '');
      const primary = (entry.primary_category as { term?: string } | undefined)?.term;
      const categories = [
        ...new Set(
          [primary, ...((entry.category as { term?: string }[] | undefined) ?? []).map((c) => c.term)].filter((c): c is string => !!c),
        ),
      ];
      const published = /^\d{4}-\d{2}-\d{2}/.exec(textOf(entry.published))?.[0];
      return {
        title,
        abstract,
        line: index + 1,
        authors: ((entry.author as { name?: unknown }[] | undefined) ?? []).map((author) => textOf(author.name).trim()).filter(Boolean),
        ...(id ? { arxiv: id } : {}),
        ...(categories.length ? { categories } : {}),
        ...(published ? { published } : {}),
        links: [...(id ? arxivLinks(id) : []), ...(doi ? doiLink(doi) : [])],
      };
    },
    options.lenient,
  );
  if (!papers.length) throw skipped[0];
  const source = basename(file);
  const fromName = dateFromFileName(source);
  const date = fromName ? formatDay({ ...fromName, year: options.year ?? fromName.year }) : undefined;
  return { source, ...(date ? { date } : {}), papers, ...(skipped.length ? { skipped } : {}) };
}
