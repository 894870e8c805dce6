/**
 * Errors about the user's input. Every one names the file and where in it: a line (1-based), so that
 * `file:line: what is wrong` can be followed straight to the problem in an editor, or for JSON a path
 * such as `$[3].paper.title`.
 */
import { relative } from 'node:path';

/** Paths shown in messages: relative to where the user ran the command. */
export const shown = (path: string) => relative(process.cwd(), path) || path;

export class InputError extends Error {
  readonly file: string;
  readonly line: number | string;

  constructor(file: string, line: number | string, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}

/** Several input errors reported together, so a user can fix every problem in one pass. */
export class InputErrors extends Error {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/**
 * Parses every entry with `parse`. A bad entry stops everything, unless `lenient`: then it is left
 * out and its error kept in `skipped`.
 */
export function parseEntries<T, R>(
  entries: readonly T[],
  parse: (entry: T, index: number) => R,
  lenient = false,
): { parsed: R[]; skipped: InputError[] } {
  const parsed: R[] = [];
  const skipped: InputError[] = [];
  entries.forEach((entry, index) => {
    try {
      parsed.push(parse(entry, index));
    } catch (error) {
      if (!lenient || !(error instanceof InputError)) throw error;
      skipped.push(error);
    }
  });
  return { parsed, skipped };
}
