/**
 * A search as it lives in a URL, `?q=reward+model&topic=Alignment&topic=Evaluation&author=Ada+Lovelace`,
 * so that a search can be shared and reloaded, and an author's name on a paper page can link to their
 * papers. Pure functions, shared by the pages (links), the search page and the dialog.
 */

/** The URL parameter that carries the query to a result page, for Pagefind's highlighter. */
export const HIGHLIGHT_PARAM = 'highlight';

export interface SearchState {
  /** The query as typed (trimmed of outer space). */
  query: string;
  /** Topic filter values (topic titles, as Pagefind's `topic` filter stores them). */
  topics: string[];
  /** Author filter values (names as the source writes them, as Pagefind's `author` filter stores them). */
  authors: string[];
}

/** A state with nothing chosen but what is given. */
export const searchState = (state: Partial<SearchState> = {}): SearchState => ({ query: '', topics: [], authors: [], ...state });

/** The state in a query string (`location.search`). */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const all = (name: string) => [
    ...new Set(
      params
        .getAll(name)
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
  return { query: (params.get('q') ?? '').trim(), topics: all('topic'), authors: all('author') };
}

/** The query string for a state, without the `?`; empty when there is nothing to say. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const topic of state.topics) params.append('topic', topic);
  for (const author of state.authors) params.append('author', author);
  return params.toString();
}

/** Pagefind's `filters` option for a state: any of the chosen topics, and any of the chosen authors. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return {
    ...(state.topics.length ? { topic: { any: state.topics } } : {}),
    ...(state.authors.length ? { author: { any: state.authors } } : {}),
  };
}
