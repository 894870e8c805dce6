/**
 * Small text measures over the cleaned abstract, using the platform's Unicode segmentation (ICU)
 * rather than hand-written sentence and word rules.
 */
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

/** The first sentence of `text`, trimmed; the whole text if it has only one. */
export function firstSentence(text: string): string {
  for (const { segment } of sentences.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed) return trimmed;
  }
  return '';
}

/** Number of words in `text`, counting CJK characters as ICU segments them. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) count++;
  return count;
}

/** Whitespace folded to single spaces, ends trimmed. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Title identity: Unicode-normalized, case-folded, punctuation and spacing ignored. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}
