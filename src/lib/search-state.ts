/**
 * A search as it lives in a URL, `?q=reward+model&topic=Alignment&topic=Evaluation`, so that a search
 * can be shared and reloaded. Pure functions, shared by the search page and the dialog.
 */

/** The URL parameter that carries the query to a result page, for Pagefind's highlighter. */
export const HIGHLIGHT_PARAM = 'highlight';

export interface SearchState {
  /** The query as typed (trimmed of outer space). */
  query: string;
  /** Topic filter values (topic titles, as Pagefind's `topic` filter stores them). */
  topics: string[];
}

/** The state in a query string (`location.search`). */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const topics = params.getAll('topic').filter(Boolean);
  return { query: (params.get('q') ?? '').trim(), topics: [...new Set(topics)] };
}

/** The query string for a state, without the `?`; empty when there is nothing to say. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const topic of state.topics) params.append('topic', topic);
  return params.toString();
}

/** Pagefind's `filters` option for a state: any of the chosen topics. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return state.topics.length ? { topic: { any: state.topics } } : {};
}
