import { describe, expect, it } from 'vitest';
import { dateFromFileName, formatDay, parseDateLine } from '../../../../scripts/ingest/formats/digest-date.ts';

describe('parseDateLine', () => {
  it.each([
    ['Mar 14', '03-14'],
    ['March 14', '03-14'],
    ['Sept 3', '09-03'], // any prefix of three letters or more
    ['Mar 14, 2024', '2024-03-14'],
    ['14 Mar 2024', '2024-03-14'],
    ['2024-03-14', '2024-03-14'],
    ['Feb 29', '02-29'], // valid in some year, so valid without one
  ])('%s → %s', (line, expected) => {
    expect(formatDay(parseDateLine(line)!)).toBe(expected);
  });

  it.each(['Subscribe', 'Mar 32', 'Feb 29, 2023', 'Marching 14', 'Ma 14', '2024-13-01', 'Mar 14 papers'])(
    '%j is not a date line',
    (line) => {
      expect(parseDateLine(line)).toBeUndefined();
    },
  );
});

describe('dateFromFileName', () => {
  it('reads a YYYY-MM-DD anywhere in the name', () => {
    expect(formatDay(dateFromFileName('hf-2024-03-14.txt')!)).toBe('2024-03-14');
    expect(dateFromFileName('trending-mar-14.txt')).toBeUndefined();
    expect(dateFromFileName('12024-03-140.txt')).toBeUndefined();
  });
});
