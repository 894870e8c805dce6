/** Display of digest dates, which may lack a year (`MM-DD`): the year is never made up. */
import { DIGEST_DATE_PATTERN } from '../schemas.ts';

const withYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const withoutYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `2024-03-14` → `Mar 14, 2024`; `03-14` → `Mar 14`. */
export function formatDigestDate(date: string): string {
  if (!DIGEST_DATE_PATTERN.test(date)) return date;
  const parts = date.split('-').map(Number);
  const [year, month, day] = parts.length === 3 ? parts : [undefined, parts[0], parts[1]];
  // 2000 is a leap year, so an unknown-year Feb 29 still formats.
  const value = new Date(Date.UTC(year ?? 2000, month - 1, day));
  return (year === undefined ? withoutYear : withYear).format(value);
}

/** The value for a `<time datetime>`: a full date, or the yearless `--MM-DD` form HTML accepts. */
export function machineDate(date: string): string {
  return date.length === 5 ? `--${date}` : date;
}

/** A date that sorts as text: yearless dates become `0000-MM-DD` (before any dated one), none is empty. */
export function sortableDate(date: string | undefined): string {
  if (!date) return '';
  return date.length === 5 ? `0000-${date}` : date;
}
