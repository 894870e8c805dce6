import { describe, expect, it } from 'vitest';
import { pagefindFilters, readSearchState, writeSearchState } from '../../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it.each([
    // [query string, state]
    ['', { query: '', topics: [] }],
    ['?q=reward+model', { query: 'reward model', topics: [] }],
    ['?q=%20spaced%20&topic=A&topic=B&topic=A', { query: 'spaced', topics: ['A', 'B'] }],
    ['?topic=Causal+inference%2C+statistics+and+econometrics', { query: '', topics: ['Causal inference, statistics and econometrics'] }],
    ['?q=a%26b%3Dc', { query: 'a&b=c', topics: [] }],
  ])('%s', (search, state) => {
    expect(readSearchState(search)).toEqual(state);
    // Written back, it reads the same.
    expect(readSearchState(`?${writeSearchState(state)}`)).toEqual(state);
  });

  it('writes nothing for an empty search', () => {
    expect(writeSearchState({ query: '  ', topics: [] })).toBe('');
  });

  it('turns topics into a Pagefind "any" filter', () => {
    expect(pagefindFilters({ query: 'x', topics: [] })).toEqual({});
    expect(pagefindFilters({ query: 'x', topics: ['A', 'B'] })).toEqual({ topic: { any: ['A', 'B'] } });
  });
});
