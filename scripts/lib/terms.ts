/**
 * Text features shared by topics, keywords and related papers: words split by ICU, stop words from
 * the `stopword` package, Porter stems from `stemmer`, and phrases of up to three consecutive content
 * words that never span a stop word or punctuation.
 */
import { eng } from 'stopword';
import { stemmer } from 'stemmer';

const STOP_WORDS = new Set<string>([
  ...eng,
  // Words every abstract uses; they say nothing about a paper's subject.
  'paper',
  'propose',
  'proposed',
  'approach',
  'method',
  'methods',
  'results',
  'show',
  'shows',
  'using',
  'based',
  'novel',
  'new',
  'however',
  'also',
  'can',
  'may',
  'well',
  'work',
  'study',
  'introduce',
  'present',
  'demonstrate',
  'existing',
  'various',
  'different',
  'significant',
  'significantly',
  'e.g',
  'i.e',
  'et',
  'al',
  'via',
  'across',
  'within',
  'without',
  'often',
  'first',
  'us',
  'two',
  'one',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** A content word: its stem for matching and its surface form for display. */
export interface Token {
  stem: string;
  surface: string;
  /** Offsets of the word in the text, so a phrase can be shown as written (hyphens included). */
  start: number;
  end: number;
}

/**
 * Runs of content words in `text`. A run breaks at stop words and at any punctuation but `-`, so
 * phrases taken from one run read as real phrases ("reward model", not "model. We").
 */
export function tokenRuns(text: string): Token[][] {
  const runs: Token[][] = [[]];
  const breakRun = () => {
    if (runs.at(-1)!.length) runs.push([]);
  };
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) {
      if (/[^\s\-]/.test(segment)) breakRun();
      continue;
    }
    const lower = segment.toLowerCase();
    if (STOP_WORDS.has(lower) || /^\d+$/.test(lower) || lower.length < 2) {
      breakRun();
      continue;
    }
    runs.at(-1)!.push({ stem: stemmer(lower), surface: segment, start: index, end: index + segment.length });
  }
  return runs.filter((run) => run.length);
}

/** A term: one to three stems joined by spaces, with the words as written. */
export interface Term {
  key: string;
  surface: string;
  length: number;
}

/** Every word and phrase (up to `maxLength` words) of `text`, in order, repeats included. */
export function terms(text: string, maxLength = 3): Term[] {
  const result: Term[] = [];
  for (const run of tokenRuns(text)) {
    for (let start = 0; start < run.length; start++) {
      for (let length = 1; length <= maxLength && start + length <= run.length; length++) {
        const slice = run.slice(start, start + length);
        const surface = text.slice(slice[0].start, slice.at(-1)!.end).replace(/\s+/g, ' ');
        result.push({ key: slice.map((t) => t.stem).join(' '), surface, length });
      }
    }
  }
  return result;
}

/**
 * `text` as a string of stems, stop words kept, with ` | ` wherever punctuation breaks the flow and
 * padded with spaces, so that a phrase matches as the substring ` stem stem `.
 */
export function stemText(text: string): string {
  const parts: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike) parts.push(stemmer(segment.toLowerCase()));
    else if (/[^\s\-]/.test(segment) && parts.at(-1) !== '|') parts.push('|');
  }
  return ` ${parts.join(' ')} `;
}

/** How often the phrase `key` (from {@link stemText} of a phrase, trimmed) occurs in stemmed text. */
export function countPhrase(stemmed: string, key: string): number {
  const needle = ` ${key} `;
  let count = 0;
  for (let at = stemmed.indexOf(needle); at !== -1; at = stemmed.indexOf(needle, at + needle.length - 1)) count++;
  return count;
}
