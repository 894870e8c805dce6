/**
 * Chooses the parser for an input file by sniffing its content (not only its extension) and runs it.
 * Each format lives in its own module in this folder with the same output, {@link ParsedDigest}.
 */
import type { ParsedDigest, ParseOptions } from './digest.ts';
import { decodeText } from './decode.ts';
import { InputError } from '../../shared/errors.ts';
import { isAtom, parseArxivAtom } from './arxiv-atom.ts';
import { isBibtex, parseBibtex } from './bibtex.ts';
import { isJson, parseHfDaily } from './hf-daily.ts';
import { isTextDigest, parseTextDigest } from './text-digest.ts';

/** Formats recognised but not yet supported, with how to tell them. */
const NOT_YET: { name: string; test: (text: string) => boolean }[] = [
  { name: 'XML other than an arXiv Atom feed', test: (text) => /^\s*</.test(text) },
];

/**
 * The largest input file read: 32 MB. A year of daily digests is a few MB and a day of Hugging Face
 * papers a few hundred KB; a file far beyond that is a mistake (a dump, a log, the wrong file), and
 * parsing it would take minutes and gigabytes before saying so.
 */
export const MAX_INPUT_BYTES = 32 * 2 ** 20;

/** Refuses an input of `size` bytes over the limit; callers check the size on disk before reading the file. */
export function checkInputSize(size: number, file: string): void {
  if (size <= MAX_INPUT_BYTES) return;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  throw new InputError(file, 1, `the file is ${mb(size)}; an input may be at most ${mb(MAX_INPUT_BYTES)}: split it into several digests`);
}

/** Decodes and parses one input file; `file` is the path to show in messages. */
export function parseInput(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParsedDigest {
  checkInputSize(bytes.length, file);
  const text = decodeText(bytes, file);
  if (isJson(text)) return parseHfDaily(text, file, options);
  if (isAtom(text)) return parseArxivAtom(text, file, options);
  if (isBibtex(text)) return parseBibtex(text, file, options);
  if (isTextDigest(text)) return parseTextDigest(text, file, options);
  const format = NOT_YET.find(({ test }) => test(text));
  throw new InputError(
    file,
    1,
    `this looks like ${format?.name ?? 'an unknown format'}; supported: text digests, Hugging Face daily-papers JSON, arXiv Atom and BibTeX`,
  );
}
