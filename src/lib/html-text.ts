/**
 * The text of an abstract's HTML as the paper loader renders it (`inertHtml`: paragraphs, escaped text,
 * links, MathML): its tags dropped and its character references decoded.
 *
 * Why: the page needs the abstract as plain text (structured data, search-only words), and keeping it in
 * Astro's data store beside the HTML made the store a third larger, and Astro writes, bundles and
 * compiles that store whole on every build. The loader keeps the text only where this does not give
 * it exactly (math, whose plain text is the readable TeX, not the MathML), so the result is never a guess.
 */
import { decodeHTML } from 'entities';

export function htmlText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ''));
}
