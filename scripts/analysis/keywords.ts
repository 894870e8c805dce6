/**
 * Key phrases of a paper: its highest TF-IDF words and phrases, phrases favoured, no phrase repeating
 * another's words, each shown in the surface form the corpus uses most.
 */
import { stem, wordCount } from './terms.ts';
import { TITLE_WEIGHT, type Corpus } from './vectors.ts';

/** How many keywords a paper gets. */
export const KEYWORD_COUNT = 6;
/** Extra weight for two- and three-word phrases, which read better than single words. */
const PHRASE_BOOST = [0, 1, 1.6, 1.9];

/**
 * The display form of a term: the corpus's most frequent spelling, with title-case words (and
 * compound parts) lowercased when the corpus also writes them in lowercase, so a sentence-initial
 * "Reward" reads "reward" while a name such as "Themis" or "GitHub", and acronyms such as "RLHF",
 * keep their case.
 */
export function surfaceOf(corpus: Corpus, key: string): string {
  let known = surfaces.get(corpus);
  if (!known) surfaces.set(corpus, (known = new Map()));
  let surface = known.get(key);
  if (surface === undefined) known.set(key, (surface = displayForm(corpus, key)));
  return surface;
}

/**
 * Display forms worked out, per corpus (a corpus does not change once built): a common word is a
 * candidate keyword of thousands of papers, and working out its form took a third of the keywords step.
 */
const surfaces = new WeakMap<Corpus, Map<string, string>>();

function displayForm(corpus: Corpus, key: string): string {
  const forms = [...(corpus.surfacesOf(key) ?? new Map<string, number>())];
  forms.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const surface = forms[0]?.[0] ?? key;
  const writtenLowercase = (word: string) => {
    const spellings = corpus.surfacesOf(stem(word.toLowerCase()));
    return !spellings || [...spellings.keys()].some((form) => form === form.toLowerCase());
  };
  // A letter run glued to digits ("3D") is a name, not a capitalized word.
  return surface.replace(/(?<![\p{L}\p{N}])\p{L}[\p{L}\p{M}'’]*(?![\p{N}])/gu, (word) =>
    /^\p{Lu}[\p{Ll}\p{M}'’]*$/u.test(word) && writtenLowercase(word) ? word.toLowerCase() : word,
  );
}

/** Single words that read as modifiers rather than subjects (`powerful`, `robustly`). */
const MODIFIER = /(?:ly|ful|ous|ive|able|ible|less)$/;
/** An acronym or a name written with inner capitals (`RLHF`, `QLoRA`, `GBDT`): a strong single keyword. */
const NAME_LIKE = /^\p{L}[\p{Ll}\d]*\p{Lu}|^\p{Lu}{2,}/u;

/** The keywords of document `index` of the corpus, best first. */
export function keywordsFor(corpus: Corpus, index: number, count = KEYWORD_COUNT): string[] {
  return keywordsOf(corpus, [index], count)[0];
}

/**
 * The keywords of each document of `indices`, as {@link keywordsFor} gives them, with the spellings of
 * all the phrases they show summed in one pass over the corpus rather than one pass each.
 */
export function keywordsOf(corpus: Corpus, indices: readonly number[], count = KEYWORD_COUNT, shortlist = SHORTLIST): string[][] {
  const keys = indices.map((index) => keywordKeys(corpus, index, count, shortlist));
  corpus.sumSurfaces(keys.flat());
  return keys.map((chosen) => chosen.map((key) => surfaceOf(corpus, key)));
}

/** A candidate keyword of a paper: a term key and its score there. */
interface Candidate {
  key: string;
  score: number;
}

/** Whether term `a` ranks before `b` (negative) or after: on equal scores the longer phrase wins, "decision trees" over "decision" when they always co-occur. */
const order = (aKey: string, aScore: number, bKey: string, bScore: number) =>
  bScore - aScore || bKey.length - aKey.length || aKey.localeCompare(bKey);
const byScore = (a: Candidate, b: Candidate) => order(a.key, a.score, b.key, b.score);

/**
 * How many of a paper's best strong candidates are kept, in order, as its terms are scored. A paper's
 * keywords are nearly always among them, and scoring into a short list spares a candidate object per
 * term and the sort of all of them (hundreds a paper): the keywords of the 2,829 real papers took
 * 535-560 ms with them and 411-448 ms without. When the short list does not yield the keywords, every
 * candidate is sorted.
 */
export const SHORTLIST = 24;

/** The term keys of document `index`'s keywords, best first. */
function keywordKeys(corpus: Corpus, index: number, count: number, size: number): string[] {
  const shortlist: Candidate[] = [];
  scoreTerms(corpus, index, (key, score, strong) => {
    if (!strong) return;
    const worst = shortlist.at(-1);
    if (shortlist.length === size && order(key, score, worst!.key, worst!.score) >= 0) return;
    let at = shortlist.length;
    while (at > 0 && order(key, score, shortlist[at - 1].key, shortlist[at - 1].score) < 0) at--;
    shortlist.splice(at, 0, { key, score });
    if (shortlist.length > size) shortlist.pop();
  });
  // The short list is the head of the sorted strong candidates, so keywords found in it are the same.
  const picked = pickDistinct(
    shortlist.map(({ key }) => key),
    count,
  );
  if (picked.length === count) return picked;
  const strong: Candidate[] = [];
  const weak: Candidate[] = [];
  scoreTerms(corpus, index, (key, score, isStrong) => (isStrong ? strong : weak).push({ key, score }));
  // Weak candidates only fill up a paper too short to yield enough strong ones.
  return pickDistinct(
    [...strong.sort(byScore), ...weak.sort(byScore)].map(({ key }) => key),
    count,
  );
}

/** Scores every term of document `index` as a keyword, and says whether it is a strong candidate. */
function scoreTerms(corpus: Corpus, index: number, visit: (key: string, score: number, strong: boolean) => void): void {
  const counts = corpus.counts[index];
  const titleCounts = corpus.titleCounts[index];
  for (const [key, tf] of counts) {
    const length = wordCount(key);
    const inTitle = titleCounts.get(key) ?? 0;
    const inAbstract = tf - TITLE_WEIGHT * inTitle;
    let score = (1 + Math.log(tf)) * corpus.idf.get(key)! * PHRASE_BOOST[Math.min(length, 3)];
    // A key phrase is one the abstract repeats, or uses as the title does; a phrase written once
    // is usually an accident of wording, and a lone modifier says little.
    let keep = inAbstract >= 2 || (inTitle > 0 && inAbstract > 0);
    if (length === 1) {
      const surface = surfaceOf(corpus, key);
      if (NAME_LIKE.test(surface)) score *= 1.3;
      else if (MODIFIER.test(surface)) keep = false;
    }
    visit(key, score, keep);
  }
}

/**
 * The first `count` keys, best first, skipping any key whose words are all in a chosen one or that
 * contains all the words of a chosen one ("reward model" after "reward", "model" after "reward model").
 */
export function pickDistinct(keys: Iterable<string>, count: number): string[] {
  const chosen: string[][] = [];
  for (const key of keys) {
    if (chosen.length === count) break;
    const words = key.split(' ');
    const overlaps = chosen.some((other) => words.every((w) => other.includes(w)) || other.every((w) => words.includes(w)));
    if (!overlaps) chosen.push(words);
  }
  return chosen.map((words) => words.join(' '));
}
