/**
 * The corpus vocabulary that search corrects misspellings against (`src/lib/forgiving-search.ts`): the
 * words of titles and keywords, most frequent first, one per line. Loaded only when a query finds
 * nothing; its size is measured in the search benchmark.
 */
import type { Paper } from '../schemas.ts';

/** Words as Pagefind splits them: letters and digits, lowercased; at least 3 characters, not only digits. */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 && /\p{L}/u.test(word));
}

/** Each word of the papers' titles and keywords, by how many papers use it (then alphabetically). */
export function vocabulary(papers: readonly Pick<Paper, 'title' | 'keywords'>[]): string[] {
  const papersWith = new Map<string, number>();
  for (const paper of papers) {
    for (const word of new Set(vocabularyWords([paper.title, ...paper.keywords].join(' '))))
      papersWith.set(word, (papersWith.get(word) ?? 0) + 1);
  }
  return [...papersWith].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/** The file's text. */
export const vocabularyFile = (papers: readonly Pick<Paper, 'title' | 'keywords'>[]): string => `${vocabulary(papers).join('\n')}\n`;
