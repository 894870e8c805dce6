import { describe, expect, it } from 'vitest';
import { pagefindFilters, readSearchState, searchState, writeSearchState } from '../../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it.each([
    // [query string, state]
    ['', searchState()],
    ['?q=reward+model', searchState({ query: 'reward model' })],
    ['?q=%20spaced%20&topic=A&topic=B&topic=A', searchState({ query: 'spaced', topics: ['A', 'B'] })],
    ['?topic=Causal+inference%2C+statistics+and+econometrics', searchState({ topics: ['Causal inference, statistics and econometrics'] })],
    ['?q=a%26b%3Dc', searchState({ query: 'a&b=c' })],
    ['?author=Ada+Lovelace&author=%C3%89mile+Borel&author=Ada+Lovelace', searchState({ authors: ['Ada Lovelace', 'Émile Borel'] })],
    ['?q=x&topic=A&author=J.+Doe%2C+Jr.', searchState({ query: 'x', topics: ['A'], authors: ['J. Doe, Jr.'] })],
  ])('%s', (search, state) => {
    expect(readSearchState(search)).toEqual(state);
    // Written back, it reads the same.
    expect(readSearchState(`?${writeSearchState(state)}`)).toEqual(state);
  });

  it('writes nothing for an empty search', () => {
    expect(writeSearchState(searchState({ query: '  ' }))).toBe('');
  });

  it('turns topics and authors into Pagefind "any" filters (a paper must match both kinds)', () => {
    expect(pagefindFilters(searchState({ query: 'x' }))).toEqual({});
    expect(pagefindFilters(searchState({ topics: ['A', 'B'] }))).toEqual({ topic: { any: ['A', 'B'] } });
    expect(pagefindFilters(searchState({ topics: ['A'], authors: ['Ada'] }))).toEqual({ topic: { any: ['A'] }, author: { any: ['Ada'] } });
  });
});
