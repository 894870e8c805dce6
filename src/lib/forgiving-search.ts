/**
 * Search that forgives: what to search for when a query finds nothing. Pagefind finds only pages that
 * hold every word, so one misspelled word empties the list. Then, in order:
 * 1. each word is searched alone, and the corpus vocabulary (titles and keywords, see
 *    `src/lib/vocabulary.ts`) is loaded: a word that finds nothing, or that the vocabulary lacks while
 *    a vocabulary word is a typo away, is a likely misspelling;
 * 2. such words are corrected to the most frequent vocabulary word within a small edit distance, or
 *    dropped when none is close;
 * 3. if that still finds nothing (every word matches alone, but not all together), the fewest words
 *    are dropped, rarest first, until something is found.
 * Pure and asynchronous over the searches it is given, so the dialog, the search page, the tests and
 * the benchmark run the same steps.
 */

/** What was searched instead, and why. */
export interface Forgiven {
  /** The query actually searched. */
  term: string;
  /** Words of the query left out (no correction found, or dropped to find anything). */
  ignored: string[];
  /** Words replaced by a likely intended word: [as typed, as searched]. */
  corrected: [string, string][];
}

export interface ForgivingOptions {
  /** How many results a term finds (0 for none). */
  count(term: string): Promise<number>;
  /** The corpus vocabulary, most frequent first; loaded only when a word matches nothing. */
  vocabulary(): Promise<readonly string[]>;
  /** Edit distance between two words (fastest-levenshtein's `distance` in the site). */
  distance(a: string, b: string): number;
}

/** The words of a query as Pagefind would split them at spaces. */
export const queryWords = (query: string): string[] => query.trim().split(/\s+/).filter(Boolean);

/** Edits allowed for a word of this length: none below 4 letters, one below 7, two from 7 (a swap of two letters is two edits). */
const allowedEdits = (word: string) => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);

/**
 * The vocabulary word closest to `word` (fewest edits, then most frequent), if any is close enough.
 * Transposed letters (`contrlolable`) are two plain edits, so the allowance counts them as one edit.
 */
export function correction(word: string, vocabulary: readonly string[], distance: ForgivingOptions['distance']): string | undefined {
  const lower = word.toLowerCase();
  const allowed = allowedEdits(lower);
  if (!allowed) return undefined;
  let best: { word: string; edits: number } | undefined;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - lower.length) > allowed || candidate === lower) continue;
    const edits = distance(lower, candidate);
    // A swap of neighbouring letters costs 2 plain edits but is one typo.
    const typos = edits === 2 && swapped(lower, candidate) ? 1 : edits;
    if (typos <= allowed && (!best || typos < best.edits)) {
      best = { word: candidate, edits: typos };
      // The vocabulary is most frequent first: the first word one typo away is the one.
      if (typos === 1) break;
    }
  }
  return best?.word;
}

/** Whether `b` is `a` with two neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** Subsets of `words` without `drop` of them, the rarest words (fewest hits) dropped first. */
function* withoutSome(words: readonly string[], hits: readonly number[], drop: number): Generator<{ kept: string[]; dropped: string[] }> {
  const order = words.map((_, i) => i).sort((a, b) => hits[a] - hits[b]);
  const choose = function* (start: number, left: number, chosen: number[]): Generator<number[]> {
    if (!left) return yield chosen;
    for (let i = start; i < order.length; i++) yield* choose(i + 1, left - 1, [...chosen, order[i]]);
  };
  for (const dropped of choose(0, drop, [])) {
    yield { kept: words.filter((_, i) => !dropped.includes(i)), dropped: dropped.map((i) => words[i]) };
  }
}

/** At most this many searches for the dropping step: each loads index chunks. */
const MAX_TRIES = 12;

/**
 * What to search for when `query` finds nothing, or `undefined` when nothing would help (a query of
 * one word with no correction). `options.count` is called once per word, then per attempt.
 *
 * A word's own hit count does not tell a misspelling: Pagefind answers a lone unknown word with near
 * matches from the index chunks it has loaded (`rewrad` found 0 pages first, 3 after another search).
 * So a word is suspect when it finds nothing, or when it is not in the vocabulary and a vocabulary word
 * is one or two typos away; suspects that find nothing are corrected first, then the others.
 */
export async function forgive(query: string, options: ForgivingOptions): Promise<Forgiven | undefined> {
  const words = queryWords(query);
  if (!words.length) return undefined;
  // One search at a time: Pagefind's searches share state, and concurrent ones can answer for each other.
  const hits: number[] = [];
  for (const word of words) hits.push(await options.count(word));
  const vocabulary = await options.vocabulary();
  const known = new Set(vocabulary);
  const fixes = words.map((word, i) =>
    hits[i] === 0 || !known.has(word.toLowerCase()) ? correction(word, vocabulary, options.distance) : undefined,
  );

  // First the words that find nothing, then also unknown words with a likely correction.
  for (const suspect of [(i: number) => hits[i] === 0, (i: number) => hits[i] === 0 || fixes[i] !== undefined]) {
    if (!words.some((_, i) => suspect(i))) continue;
    const corrected: [string, string][] = [];
    const ignored: string[] = [];
    const kept = words.flatMap((word, i) => {
      if (!suspect(i)) return [word];
      if (fixes[i]) corrected.push([word, fixes[i]!]);
      else ignored.push(word);
      return fixes[i] ? [fixes[i]!] : [];
    });
    if (kept.length && (await options.count(kept.join(' '))) > 0) return { term: kept.join(' '), ignored, corrected };
  }

  // Every word finds something alone, but not all together: drop the fewest, rarest first.
  const matched = words.filter((_, i) => hits[i] > 0);
  const matchedHits = hits.filter((n) => n > 0);
  const unmatched = words.filter((_, i) => hits[i] === 0);
  let tries = 0;
  for (let drop = 1; drop < matched.length; drop++) {
    for (const { kept, dropped } of withoutSome(matched, matchedHits, drop)) {
      if (++tries > MAX_TRIES) return undefined;
      if ((await options.count(kept.join(' '))) > 0) return { term: kept.join(' '), ignored: [...unmatched, ...dropped], corrected: [] };
    }
  }
  if (matched.length === 1 && unmatched.length) return { term: matched[0], ignored: unmatched, corrected: [] };
  return undefined;
}
