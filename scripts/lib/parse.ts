/**
 * Chooses the parser for an input file by sniffing its content (not only its extension) and runs it.
 * Each format lives in its own `parse-*.ts` module with the same output, {@link ParsedDigest}.
 */
import type { ParsedDigest, ParseOptions } from './digest.ts';
import { decodeText } from './decode.ts';
import { InputError } from './errors.ts';
import { isAtom, parseArxivAtom } from './parse-arxiv-atom.ts';
import { isBibtex, parseBibtex } from './parse-bibtex.ts';
import { isJson, parseHfDaily } from './parse-hf-daily.ts';
import { isTextDigest, parseTextDigest } from './parse-text-digest.ts';

/** Formats recognised but not yet supported, with how to tell them. */
const NOT_YET: { name: string; test: (text: string) => boolean }[] = [
  { name: 'XML other than an arXiv Atom feed', test: (text) => /^\s*</.test(text) },
];

/** Decodes and parses one input file; `file` is the path to show in messages. */
export function parseInput(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParsedDigest {
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
