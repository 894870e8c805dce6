/**
 * Text features shared by topics, keywords, related papers and clustering: words split by ICU (so CJK
 * text segments too), hyphenated compounds kept whole (`fine-tuning`, `text-to-image`), stop words
 * from the `stopword` package plus a short list of words every abstract uses, Porter stems from
 * `stemmer`, and phrases of up to three consecutive content words that never span a stop word or
 * punctuation.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// prettier-ignore
const STOP_WORDS = new Set<string>([
  ...eng,
  // Words every abstract uses; they say nothing about a paper's subject.
  'paper', 'propose', 'proposed', 'proposes', 'approach', 'approaches', 'method', 'methods', 'results',
  'result', 'show', 'shows', 'shown', 'using', 'used', 'use', 'based', 'novel', 'new', 'however', 'also',
  'can', 'may', 'well', 'work', 'works', 'study', 'studies', 'introduce', 'introduces', 'present',
  'presents', 'demonstrate', 'demonstrates', 'existing', 'various', 'different', 'significant',
  'significantly', 'e.g', 'i.e', 'et', 'al', 'via', 'across', 'within', 'without', 'often', 'first', 'us',
  'two', 'one', 'three', 'many', 'several', 'while', 'further', 'furthermore', 'moreover', 'additionally',
  'finally', 'specifically', 'recent', 'recently', 'key', 'effectively', 'effective', 'respectively',
  'including', 'include', 'includes', 'still', 'remains', 'thus', 'yet', 'able', 'extensive', 'experiments',
  'experimental', 'achieve', 'achieves', 'performance', 'task', 'tasks', 'framework', 'model', 'models',
  'data', 'research', 'analysis', 'problem', 'problems', 'improve', 'improves', 'improved', 'improving',
  'provide', 'provides', 'enable', 'enables', 'important', 'challenge', 'challenges', 'challenging',
  'whether', 'among', 'way', 'ways', 'aim', 'aims', 'find', 'found', 'make', 'makes', 'given', 'like',
  'even', 'due', 'need', 'needs', 'much', 'high', 'large', 'set', 'sets', 'number', 'range', 'level',
  'levels', 'code', 'available', 'publicly', 'github', 'https', 'http', 'com', 'four', 'five', 'six',
  'seven', 'eight', 'nine', 'ten', 'distinct', 'better', 'best', 'strong', 'simple',
]);
// Words stopped above only as single words: inside a phrase they carry meaning
// ("language model", "large language models", "data selection", "code generation").
// prettier-ignore
const PHRASE_WORDS = new Set([
  'model', 'models', 'data', 'large', 'code', 'task', 'tasks', 'performance', 'analysis', 'framework', 'set', 'level', 'high',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const stems = new Map<string, string>();

/**
 * Porter stem of a lowercase word. A compound stems part by part into a phrase key, so
 * `influence-estimation` and `influence estimation` are one term. Memoized: corpora repeat words.
 */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = word.includes('-')
      ? word
          .split('-')
          .filter(Boolean)
          .map((part) => stemmer(part))
          .join(' ')
      : stemmer(word);
    stems.set(word, result);
  }
  return result;
}

/** A word of the text, or `null` where punctuation breaks the flow. */
export type Word = { text: string; start: number; end: number } | null;

/** The words of `text` in order, hyphenated compounds joined, `null` at each punctuation break. */
export function words(text: string): Word[] {
  const result: Word[] = [];
  let pendingHyphen = false;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    const last = result.at(-1);
    if (isWordLike) {
      if (pendingHyphen && last && last.end + 1 === index) {
        last.text += `-${segment}`;
        last.end = index + segment.length;
      } else {
        result.push({ text: segment, start: index, end: index + segment.length });
      }
      pendingHyphen = false;
    } else if (segment === '-' && last && last.end === index) {
      pendingHyphen = true;
    } else {
      pendingHyphen = false;
      if (/[^\s-]/.test(segment) && last !== null) result.push(null);
    }
  }
  return result;
}

/** A content word: its stem for matching and its offsets in the text for display. */
export interface Token {
  stem: string;
  start: number;
  end: number;
  /** True for a word that counts inside a phrase but not alone (`model`, `data`). */
  phraseOnly: boolean;
}

/**
 * Runs of content words in `text`. A run breaks at stop words and at punctuation, so phrases taken
 * from one run read as real phrases ("reward model", not "model. We").
 */
export function tokenRuns(text: string): Token[][] {
  const runs: Token[][] = [[]];
  const breakRun = () => {
    if (runs.at(-1)!.length) runs.push([]);
  };
  for (const word of words(text)) {
    if (word === null) {
      breakRun();
      continue;
    }
    const lower = word.text.toLowerCase();
    const phraseOnly = PHRASE_WORDS.has(lower);
    if ((STOP_WORDS.has(lower) && !phraseOnly) || /^[\d.,]+$/.test(lower) || lower.length < 2) {
      breakRun();
      continue;
    }
    runs.at(-1)!.push({ stem: stem(lower), start: word.start, end: word.end, phraseOnly });
  }
  return runs.filter((run) => run.length);
}

/** A term: one to three stems joined by spaces, with the words as written. */
export interface Term {
  key: string;
  surface: string;
  length: number;
}

/**
 * Every word and phrase (up to `maxLength` words) of `text`, in order, repeats included. Each phrase
 * extends the one before it by a word, so its key, its word count and whether it has a real content
 * word are carried along rather than recomputed: this runs for every word of every abstract.
 */
export function terms(text: string, maxLength = 3): Term[] {
  const result: Term[] = [];
  for (const run of tokenRuns(text)) {
    for (let start = 0; start < run.length; start++) {
      let key = '';
      let length = 0;
      let content = false;
      for (let end = start; end < run.length && end - start < maxLength; end++) {
        const token = run[end];
        key = end === start ? token.stem : `${key} ${token.stem}`;
        // A compound's stem is already several words (`fine tune`).
        length += wordCount(token.stem);
        // `model` or `data` count only inside a phrase with a real content word.
        content ||= !token.phraseOnly;
        if (!content) continue;
        // One word is written without whitespace; a phrase's whitespace is made single spaces.
        const written = text.slice(run[start].start, token.end);
        const surface = end === start ? written : written.replace(/\s+/g, ' ');
        result.push({ key, surface, length });
      }
    }
  }
  return result;
}

/**
 * Words in a stem or a term key (stems joined by single spaces; a compound's stem is several words),
 * without splitting it: this runs for every term of every paper.
 */
export function wordCount(key: string): number {
  let words = 1;
  for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * `text` as a string of stems, stop words kept, with `|` wherever punctuation breaks the flow and
 * padded with spaces, so that a phrase matches as the substring ` stem stem `.
 */
export function stemText(text: string): string {
  const parts = words(text).map((word) => (word === null ? '|' : stem(word.text.toLowerCase())));
  return ` ${parts.join(' ')} `;
}

/** The stem key of a word or phrase as a user writes it (in `topics.yaml`, say). */
export function phraseKey(phrase: string): string {
  return stemText(phrase).replace(/ \| /g, ' ').trim();
}

/**
 * A counter of phrases in stemmed text (see {@link stemText}): `count(words)` is how often the phrase
 * whose stems are `words` (its {@link phraseKey} split at spaces) stands in it whole, occurrences not
 * overlapping, taken from the left. The text is indexed by stem once, so the hundred-odd terms of a
 * taxonomy cost a lookup each instead of a scan of the whole text each (that scan was 0.14 ms of every
 * paper's topic scores).
 */
export function phraseCounter(stemmed: string): (words: readonly string[]) => number {
  const tokens = stemmed.trim().split(' ');
  const starts = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = starts.get(token);
    if (list) list.push(index);
    else starts.set(token, [index]);
  });
  return (words) => {
    const at = starts.get(words[0]);
    if (!at || words.length === 1) return at?.length ?? 0;
    let count = 0;
    let free = 0;
    for (const start of at) {
      if (start < free || !words.every((word, offset) => tokens[start + offset] === word)) continue;
      count++;
      free = start + words.length;
    }
    return count;
  };
}
