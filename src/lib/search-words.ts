/**
 * Words a paper gives search beyond what the page shows, in a hidden element (the page and its search
 * record carry the same): the words of unspaced scripts spaced out (`segment.ts`), and the parts of
 * names written in camel case. Pagefind already splits `Open-FinLLMs` at the hyphen, but not `FinLLMs`,
 * `SearchOS` or `ChatGPT` inside a word, so `llms`, `os` and `gpt` would not find them.
 */
import { spacedWords } from './segment.ts';

/** Where a name splits (see {@link splitName}): a word without one of these has no parts. */
const CASE_CHANGE = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}{2}/u;

/** Whether {@link splitName} can split `word`: a quick test, made before the split itself. */
export const mayHaveParts = (word: string) => CASE_CHANGE.test(word);

/** A word split where its case changes: `FinLLMs` → `Fin`, `LLMs`; `LLMAgent` → `LLM`, `Agent`. */
export function splitName(word: string): string[] {
  return word
    .replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ')
    .replace(/(\p{Lu})(?=\p{Lu}\p{Ll}{2})/gu, '$1 ')
    .split(' ');
}

/** The parts of camel-case names in `text`: `FinLLMs` → `Fin LLMs`, `LLMAgent` → `LLM Agent`; each part 2+ characters. */
export function nameParts(text: string): string[] {
  const parts = new Set<string>();
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    // Most words have no case change: testing for one first makes this five times faster, and it
    // runs for every paper page and search record.
    if (!mayHaveParts(token)) continue;
    const split = splitName(token);
    if (split.length > 1) for (const part of split) if (part.length >= 2) parts.add(part);
  }
  return [...parts];
}

/** The hidden search text of a paper, or `undefined` when it has none. */
export function searchOnlyWords(title: string, abstract: string, keywords: readonly string[]): string | undefined {
  const text = [title, abstract, ...keywords].join(' ');
  const words = [spacedWords(`${title} ${abstract}`), ...nameParts(text)].filter(Boolean).join(' ');
  return words || undefined;
}
