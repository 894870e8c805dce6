/**
 * The reader's reading list: papers saved from their pages or from search results, kept in
 * `localStorage` on the reader's device. Pure functions over the list, shared by the page scripts and
 * the tests; nothing here touches the DOM or storage (see `src/scripts/reading-list.ts`).
 *
 * A paper is matched by its keys, not its URL: its normalized title (`t:…`, the identity that merges
 * papers across sources) and its arXiv id when known (`a:…`). A saved paper stays saved when a rebuild
 * changes its slug, when a pasted paper is merged with the same paper from an arXiv source (the title
 * key matches), and when a new arXiv version renames it (the arXiv key matches).
 */

/** The `localStorage` key of the list. */
export const STORAGE_KEY = 'abstracta-reading-list';

/** What the list keeps of a paper: enough to list it, link to it and cite it without the site's data. */
export interface SavedPaper {
  /** Identities of the paper (see the module comment); at least one. */
  keys: string[];
  /** The paper page's path (base path included). */
  url: string;
  title: string;
  /** Topic titles, primary first. */
  topics: string[];
  /** The date it first trended, as the site shows dates. */
  date?: string;
  /** The paper page's BibTeX entry and plain citation, when saved from the page (or fetched from it since). */
  bibtex?: string;
  citation?: string;
  /** When it was saved (ms since the epoch); the list shows newest first. */
  savedAt: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** One stored entry, if it has the shape of one (storage is the reader's, and may hold anything). */
function entryOf(value: unknown): SavedPaper | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.keys) || !v.keys.length || !v.keys.every(isString) || !isString(v.url) || !isString(v.title)) return undefined;
  return {
    keys: v.keys,
    url: v.url,
    title: v.title,
    topics: Array.isArray(v.topics) ? v.topics.filter(isString) : [],
    ...(isString(v.date) ? { date: v.date } : {}),
    ...(isString(v.bibtex) ? { bibtex: v.bibtex } : {}),
    ...(isString(v.citation) ? { citation: v.citation } : {}),
    savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0,
  };
}

/** The list in stored text; anything unreadable counts as an empty list, bad entries are dropped. */
export function parseList(text: string | null | undefined): SavedPaper[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.flatMap((item) => entryOf(item) ?? []) : [];
  } catch {
    return [];
  }
}

const matches = (entry: Pick<SavedPaper, 'keys'>, keys: readonly string[]) => entry.keys.some((key) => keys.includes(key));

/** Whether a paper with any of `keys` is on the list. */
export function isSaved(list: readonly SavedPaper[], keys: readonly string[]): boolean {
  return list.some((entry) => matches(entry, keys));
}

/** The list without the paper that has any of `keys`. */
export function removePaper(list: readonly SavedPaper[], keys: readonly string[]): SavedPaper[] {
  return list.filter((entry) => !matches(entry, keys));
}

/**
 * The list with `paper` saved, newest first; when it is already there, its entry is brought up to date
 * (new URL, title, topics, citation, all its keys) and keeps its place and save time.
 */
export function savePaper(list: readonly SavedPaper[], paper: SavedPaper): SavedPaper[] {
  const at = list.findIndex((entry) => matches(entry, paper.keys));
  if (at === -1) return [paper, ...list];
  const before = list[at];
  const updated: SavedPaper = {
    ...before,
    ...paper,
    keys: [...new Set([...paper.keys, ...before.keys])],
    bibtex: paper.bibtex ?? before.bibtex,
    citation: paper.citation ?? before.citation,
    savedAt: before.savedAt,
  };
  return list.map((entry, i) => (i === at ? updated : entry));
}

/** The list with the paper added if absent, removed if present. */
export function togglePaper(list: readonly SavedPaper[], paper: SavedPaper): SavedPaper[] {
  return isSaved(list, paper.keys) ? removePaper(list, paper.keys) : savePaper(list, paper);
}

/** Newest first. */
export const newestFirst = (list: readonly SavedPaper[]): SavedPaper[] => [...list].sort((a, b) => b.savedAt - a.savedAt);

/**
 * The list as a `.bib` file: each paper's BibTeX entry as its page gives it. A paper saved from search
 * whose page could not be read since has no entry yet; it is listed as a comment, never invented.
 */
export function bibtexFile(list: readonly SavedPaper[], origin: string): string {
  return `${newestFirst(list)
    .map(
      (entry) =>
        entry.bibtex ?? `% ${entry.title.replace(/\s+/g, ' ')}: ${new URL(entry.url, origin).href} (no citation yet: open the page once)`,
    )
    .join('\n\n')}\n`;
}

/** The list as plain text: one citation per paper, as its page gives it, else its title and URL. */
export function textFile(list: readonly SavedPaper[], origin: string): string {
  return `${newestFirst(list)
    .map((entry) => entry.citation ?? `${entry.title}. ${new URL(entry.url, origin).href}`)
    .join('\n\n')}\n`;
}
