import { describe, expect, it } from 'vitest';
import { formatDigestDate, machineDate, sortableDate } from '../../../src/lib/dates.ts';

describe('formatDigestDate', () => {
  it.each([
    ['03-14', 'Mar 14'], // no year known: none shown
    ['2024-03-14', 'Mar 14, 2024'],
    ['02-29', 'Feb 29'],
    ['not a date', 'not a date'],
  ])('%s → %s', (date, shown) => {
    expect(formatDigestDate(date)).toBe(shown);
  });

  it('gives <time> a valid yearless date', () => {
    expect(machineDate('03-14')).toBe('--03-14');
    expect(machineDate('2024-03-14')).toBe('2024-03-14');
  });
});

describe('sortableDate', () => {
  it('sorts yearless dates before dated ones, and undated first of all', () => {
    const dates = ['2024-01-02', '03-14', undefined, '2023-12-31'].map(sortableDate).sort();
    expect(dates).toEqual(['', '0000-03-14', '2023-12-31', '2024-01-02']);
  });
});
