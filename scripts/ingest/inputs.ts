/**
 * Reading a content folder (digests, `topics.yaml`, pins in existing entries) and any extra input
 * files, collecting every problem instead of stopping at the first. Shared by `ingest`,
 * `topics:report` and `topics:suggest`.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { Topic } from '../../src/schemas.ts';
import type { ParsedDigest } from './formats/digest.ts';
import { InputError, InputErrors, shown } from '../shared/errors.ts';
import { checkInputSize, parseInput } from './formats/parse-input.ts';
import { digestId } from '../../src/lib/digests.ts';
import { readEntry, type OwnedParts } from '../entries/entry.ts';
import { taxonomyHash, type Previous, type PreviousEntry } from './pipeline.ts';
import { readPinnedTopics } from '../entries/pinned.ts';
import { parseTopicsFile } from './topics-file.ts';
import { readEntries, REDIRECTS_FILE, STATE_FILE } from './papers-folder.ts';
import { readRedirects, type GoneEntry } from './redirects.ts';
import { parseResolvedFile, type Resolved } from './resolved.ts';
import { Memo, memoKey } from '../shared/memo.ts';
import type { ContentPaths } from './content-memo.ts';

/** Runs `fn`, moving any input errors it throws into `errors`; other errors propagate. */
export function collectErrors(errors: InputError[], fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputErrors) errors.push(...error.errors);
    else if (error instanceof InputError) errors.push(error);
    else throw error;
  }
}

/** Hidden files that are no one's digest: not worth a word. */
const HOUSEKEEPING = new Set(['.gitkeep', '.DS_Store', '.keep']);

/**
 * Regular, non-hidden files of a folder, sorted by name (the hidden ones other than housekeeping go to
 * `hidden`, for the caller to mention). A symbolic link is followed only to a file
 * inside `within` (by default the folder itself): a link that leaves it (to `/etc/passwd`, or to a
 * digest elsewhere that would then be published), dangles or loops is an error, as is a name that is
 * not UTF-8 or anything that is not a regular file (a FIFO, a device).
 */
export function filesIn(dir: string, errors: InputError[] = [], within = dir, hidden: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  const root = realpathSync(within);
  const files: string[] = [];
  const names = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
  for (const raw of names) {
    const name = raw.toString('utf8');
    if (name.startsWith('.')) {
      // Skipped, and said (editors' and systems' own files aside).
      if (!HOUSEKEEPING.has(name) && !name.endsWith('.swp')) hidden.push(join(dir, name));
      continue;
    }
    const path = join(dir, name);
    const problem = (message: string) => errors.push(new InputError(shown(path), 1, message));
    if (!Buffer.from(name, 'utf8').equals(raw)) {
      problem('the file name is not valid UTF-8: rename the file');
      continue;
    }
    let stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem(code === 'ELOOP' ? 'a symbolic link that loops back on itself' : 'a symbolic link to a file that does not exist');
        continue;
      }
      if (target !== root && !target.startsWith(`${root}${sep}`)) {
        problem(`a symbolic link to ${target}, outside ${shown(within)}: copy the file in instead`);
        continue;
      }
      stat = statSync(target);
    }
    if (stat.isFile()) files.push(path);
    else if (!stat.isDirectory()) problem('not a regular file (a FIFO, a device or a socket): digests must be files');
  }
  return files;
}

/** How to read inputs: the command's options, and where to report progress and remember work. */
export interface ReadOptions {
  /** A year for digests whose date line has none (`--year`). */
  year?: number;
  /** Skip bad entries and files instead of refusing everything (`--lenient`); they go to `skipped`. */
  lenient?: boolean;
  skipped?: InputError[];
  onFile?: FileProgress;
  /** Parsed files and entries from earlier runs, by content (see `shared/memo.ts`). */
  memo?: Memo;
}

/**
 * Parses digest files, collecting errors. With `lenient`, a bad entry or a whole bad file is skipped
 * and its error goes to `skipped` instead. A file parsed cleanly before, byte for byte under the same
 * name and options, is taken from the memo.
 */
export function parseDigests(
  paths: readonly string[],
  errors: InputError[],
  { year, lenient = false, skipped = [], onFile = () => {}, memo = Memo.none() }: ReadOptions = {},
): ParsedDigest[] {
  const digests: ParsedDigest[] = [];
  let papers = 0;
  for (const [index, path] of paths.entries()) {
    collectErrors(lenient ? skipped : errors, () => {
      const file = shown(path);
      // The size first: a huge file is refused before it is read into memory.
      checkInputSize(statSync(path).size, file);
      const bytes = readFileSync(path);
      const key = memoKey(file, String(year), String(lenient), createHash('sha1').update(bytes).digest('base64'));
      // Only clean parses are remembered: a file with skipped entries is parsed (and reported) again.
      const digest = memo.get(
        'digests',
        key,
        () => parseInput(bytes, file, { year, lenient }),
        (parsed) => !parsed.skipped?.length,
      );
      skipped.push(...(digest.skipped ?? []));
      digests.push(digest);
      papers += digest.papers.length;
    });
    onFile(index + 1, paths.length, papers);
  }
  return digests;
}

/** Called after each input file: files done, files in all, papers read so far. */
export type FileProgress = (done: number, total: number, papers: number) => void;

export interface ContentInputs {
  digests: ParsedDigest[];
  /** With `lenient`: the entries and files left out, and why. */
  skipped: InputError[];
  /** Hidden files in the digests folder, which are not read (named so the user knows). */
  hidden: string[];
  topics: Topic[];
  /** arXiv ids found for papers whose sources gave none (`content/resolved.yaml`), by identity. */
  resolved: Map<string, Resolved>;
  /** What the last ingest left: pinned topics, what users own, earlier keywords and topics. */
  previous: Required<Previous>;
  /** Fingerprint of `topics.yaml`, remembered in the papers folder for the next run. */
  taxonomy: string;
  /** The generated files now in the papers folder, by name (what the write compares against). */
  existing: Map<string, string>;
  errors: InputError[];
}

/**
 * Everything ingest needs from `paths`: its digests (plus `extra` files, which replace same-named
 * digests), its topics and its pins.
 */
export function readContent(paths: ContentPaths, extra: readonly string[] = [], options: ReadOptions = {}): ContentInputs {
  const { memo = Memo.none() } = options;
  const errors: InputError[] = [];
  const skipped: InputError[] = [];
  const hidden: string[] = [];
  const inputs = new Map(filesIn(paths.digests, errors, paths.dir, hidden).map((path) => [basename(path), path]));
  for (const path of extra) inputs.set(basename(path), path);
  // Two names whose digest pages would share one address (`Mar.txt` and `mar.txt`, `a b.txt` and
  // `a-b.txt`): one page would hide the other. Refused, naming both.
  const byPage = new Map<string, string[]>();
  for (const name of inputs.keys()) byPage.set(digestId(name), [...(byPage.get(digestId(name)) ?? []), name]);
  for (const [id, names] of byPage) {
    if (names.length < 2) continue;
    for (const name of names)
      errors.push(
        new InputError(
          shown(inputs.get(name)!),
          1,
          `its digest page would be /digests/${id}/, as would ${names.filter((other) => other !== name).join(', ')}'s: rename one of them`,
        ),
      );
    for (const name of names) inputs.delete(name);
  }
  const digests = parseDigests([...inputs.values()], errors, { ...options, skipped });
  let topics: Topic[] = [];
  const topicsText = existsSync(paths.topics) ? readFileSync(paths.topics, 'utf8') : undefined;
  if (topicsText === undefined) errors.push(new InputError(shown(paths.topics), 1, 'the topics file is missing'));
  else collectErrors(errors, () => (topics = parseTopicsFile(topicsText, shown(paths.topics))));
  const taxonomy = taxonomyHash(topicsText ?? '');
  let resolved = new Map<string, Resolved>();
  if (existsSync(paths.resolved))
    collectErrors(errors, () => (resolved = parseResolvedFile(readFileSync(paths.resolved, 'utf8'), shown(paths.resolved))));
  const pinned = new Map<string, string[]>();
  const owned = new Map<string, OwnedParts>();
  const entries = new Map<string, PreviousEntry>();
  const written = new Map<string, GoneEntry>();
  const topicIds = new Set(topics.map((topic) => topic.id));
  const existing = readEntries(paths.papers);
  // Earlier keywords and topics are worth keeping only if they were made with this taxonomy.
  const sameTaxonomy = (() => {
    try {
      return JSON.parse(existing.get(STATE_FILE) ?? '{}').taxonomy === taxonomy;
    } catch {
      return false;
    }
  })();
  for (const [name, text] of existing) {
    if (!name.endsWith('.mdx')) continue;
    const slug = name.replace(/\.mdx$/, '');
    const entry = memo.get('entries', memoKey(text), () => readEntry(text));
    owned.set(slug, entry.owned);
    if (entry.previous) written.set(slug, { title: entry.previous.title, body: entry.previous.body });
    if (sameTaxonomy && entry.previous) entries.set(slug, entry.previous);
    collectErrors(errors, () => {
      const kept = readPinnedTopics(text, shown(join(paths.papers, name)), topicIds);
      if (kept) pinned.set(slug, kept);
    });
  }
  if (!errors.length && !digests.length)
    errors.push(new InputError(shown(paths.digests), 1, 'no digests to ingest; add a digest file here'));
  const redirects = readRedirects(existing.get(REDIRECTS_FILE));
  return {
    digests,
    skipped,
    hidden,
    topics,
    resolved,
    previous: { pinned, owned, entries, written, redirects },
    taxonomy,
    errors,
    existing,
  };
}

/** Prints input errors as `error: file:line: message` and a count; returns exit status 1. */
export function reportErrors(command: string, errors: readonly InputError[], consequence: string): number {
  for (const error of errors) console.error(`error: ${error.message}`);
  console.error(`${command}: ${errors.length} problem${errors.length === 1 ? '' : 's'} found; ${consequence}`);
  return 1;
}
