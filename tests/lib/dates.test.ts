import { describe, expect, it } from 'vitest';
import { formatDigestDate, machineDate } from '../../src/lib/dates.ts';

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
