/**
 * The one place internal URLs are made. Every link, asset and script path goes through here, so the
 * site works at a domain root and under any sub-path (`BASE_PATH`) alike; nothing else joins paths.
 */

import { searchState, writeSearchState } from './search-state.ts';

/** `BASE_PATH` as Astro's `base`: leading and trailing slash, `/` when unset. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A path segment that `encodeURIComponent` leaves as it is, holding no `/` and not empty. */
const PLAIN_SEGMENT = /^[\w.~-]+$/;

/** URL helpers bound to a base path; exported for tests, pages use {@link pageUrl} and {@link assetUrl}. */
export function urlHelpers(base: string) {
  const root = normalizeBase(base);
  const join = (segments: readonly string[]) =>
    // Slugs and ids, nearly every call (a page links to a hundred others), need neither splitting
    // nor encoding; on the real corpus this takes 0.15 s off a full build's page rendering.
    segments.every((segment) => PLAIN_SEGMENT.test(segment))
      ? segments.join('/')
      : segments
          .flatMap((segment) => segment.split('/'))
          .filter(Boolean)
          .map((segment) => encodeURIComponent(segment))
          .join('/');
  return {
    /** A page: `pageUrl('papers', slug)` → `/base/papers/slug/` (always a trailing slash). */
    pageUrl(...segments: string[]): string {
      const path = join(segments);
      return path ? `${root}${path}/` : root;
    },
    /** The search page with a query: `searchUrl('reward model')` → `/base/search/?q=reward+model`. */
    searchUrl(query: string): string {
      return `${root}search/?${writeSearchState(searchState({ query }))}`;
    },
    /** The search page filtered to an author's papers: `authorUrl('Ada Lovelace')` → `/base/search/?author=Ada+Lovelace`. */
    authorUrl(name: string): string {
      return `${root}search/?${writeSearchState(searchState({ authors: [name] }))}`;
    },
    /** A file: `assetUrl('pagefind/pagefind.js')` → `/base/pagefind/pagefind.js`. */
    assetUrl(...segments: string[]): string {
      return `${root}${join(segments)}`;
    },
  };
}

/**
 * Astro's base, which it writes into the code at build time; `/` where nothing does (Node scripts).
 * Only ever read as the whole name `import.meta.env.BASE_URL`, even in comments: where a file holds
 * the object's name alone (say, with optional chaining before the property), Astro inlines every
 * environment variable whose name appears anywhere in the file, here `PATH` (from `BASE_PATH`) and
 * `_` (the program that started the build). The pages' code, and with it every page's key in Astro's
 * incremental cache, then changed with the shell a build was run from, and a daily build started by
 * a scheduler or a CI runner with another PATH rendered every page again.
 */
function builtBase(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

const helpers = urlHelpers(builtBase());

export const pageUrl = helpers.pageUrl;
export const assetUrl = helpers.assetUrl;
export const searchUrl = helpers.searchUrl;
export const authorUrl = helpers.authorUrl;
