import type { Link } from '../../../src/schemas.ts';
import type { InputError } from '../../shared/errors.ts';

/**
 * The shape every input parser produces, whatever the format: one digest with its papers in order.
 * Later steps (cleanup, enrichment, serialization) only ever see this.
 */
export interface RawPaper {
  /** Title as found in the input, whitespace-normalized but otherwise untouched. */
  title: string;
  /** Abstract as found in the input, wrapped lines joined with single spaces. */
  abstract: string;
  /** 1-based line of the title in the input file, for error messages. */
  line: number;
  /** What richer sources (JSON, Atom, BibTeX) also know about the paper. */
  authors?: string[];
  /** arXiv identifier without version. */
  arxiv?: string;
  categories?: string[];
  /** `YYYY-MM-DD`. */
  published?: string;
  /** Year of publication, when only the year is known (BibTeX). */
  year?: number;
  /** Key phrases the source curated (Hugging Face's `ai_keywords`): used instead of computed ones. */
  keywords?: string[];
  /** Hugging Face upvotes, when known. */
  upvotes?: number;
  /** Links to the paper and its code, beyond the URLs in the abstract. */
  links?: Link[];
}

export interface ParsedDigest {
  /** File name of the digest (no directory), used as its identity and in error messages. */
  source: string;
  /** `YYYY-MM-DD` or `MM-DD` (no year known), or undefined when the digest names no date. */
  date?: string;
  /** Papers in the order the digest lists them. */
  papers: RawPaper[];
  /** With `lenient`, the entries that were skipped, and why. */
  skipped?: InputError[];
}

/** Options every parser accepts. */
export interface ParseOptions {
  /** A year to give a digest whose date line has none (the `--year` option). */
  year?: number;
  /** Skip bad entries (reported in `skipped`) instead of refusing the file (the `--lenient` option). */
  lenient?: boolean;
}
