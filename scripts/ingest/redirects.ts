/**
 * Old paper URLs that must keep working. A paper's slug can change: two copies of one paper from two
 * sources are merged into one page (see `merge.ts`), and one of their slugs goes. Bookmarks, feeds
 * and links elsewhere point at it, so ingest records where it went, in `papers/_redirects.json`, and
 * the site serves a page there that sends the reader on (Astro's `redirects`).
 *
 * A slug that is gone redirects to the current paper with the same normalized title whose abstract
 * agrees with the old entry's. Redirects recorded before are kept while their target stands (following
 * a chain when the target moved again), and dropped when their old slug is a page again.
 */
import { abstractText } from '../entries/mdx.ts';
import { normalizeTitle } from '../entries/text.ts';
import { sameAbstract } from './merge.ts';

/** Old slug → the slug of the paper it is now. */
export type Redirects = Record<string, string>;

/** What an entry that was there last time said: its title and its generated body. */
export interface GoneEntry {
  title: string;
  body: string;
}

/** The redirects after this run: `previous` kept where still true, plus one for each slug gone to a paper still here. */
export function updateRedirects(
  previous: Readonly<Redirects>,
  gone: ReadonlyMap<string, GoneEntry>,
  papers: readonly { slug: string; title: string; abstract: string }[],
): Redirects {
  const current = new Set(papers.map((paper) => paper.slug));
  const byTitle = new Map<string, { slug: string; abstract: string }[]>();
  for (const paper of papers) {
    const key = normalizeTitle(paper.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), paper]);
  }
  const next: Redirects = {};
  for (const [slug, entry] of gone) {
    if (current.has(slug)) continue;
    const abstract = abstractText(entry.body);
    const target = (byTitle.get(normalizeTitle(entry.title)) ?? []).find((paper) => sameAbstract(paper.abstract, abstract));
    if (target) next[slug] = target.slug;
  }
  for (const [from, to] of Object.entries(previous)) {
    if (current.has(from) || from in next) continue;
    // Follow the target if it moved too; a target gone for good takes its redirects with it.
    let target: string | undefined = to;
    for (let hops = 0; target !== undefined && !current.has(target) && hops < 10; hops++) target = next[target] ?? previous[target];
    if (target !== undefined && current.has(target)) next[from] = target;
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The redirects file's text (none when there are no redirects). */
export function redirectsFile(redirects: Readonly<Redirects>): string | undefined {
  return Object.keys(redirects).length ? `${JSON.stringify(redirects, null, 1)}\n` : undefined;
}

/** The redirects a file holds; none when it is missing or not a map of slugs. */
export function readRedirects(text: string | undefined): Redirects {
  try {
    const data = JSON.parse(text ?? '{}') as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
  } catch {
    return {};
  }
}
