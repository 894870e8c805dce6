/**
 * Word breaks for scripts written without spaces (Chinese, Japanese, Thai and their neighbours), for
 * search only. Pagefind splits text into words at spaces and punctuation when a page is in a
 * space-separated language, so a Chinese abstract on an English site would be one long "word" and no
 * word inside it could be found. The paper page gives Pagefind a hidden copy of such text with the
 * words spaced out, and the search box spaces out what is typed the same way. The segmentation is
 * ICU's, through `Intl.Segmenter` (dictionary-based for Chinese and Japanese).
 */

/** Scripts that do not put spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of `text` separated by spaces, or `undefined` when it has no unspaced script (nothing to do). */
export function spacedWords(text: string): string | undefined {
  if (!UNSPACED.test(text)) return undefined;
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment)
    .join(' ');
}
