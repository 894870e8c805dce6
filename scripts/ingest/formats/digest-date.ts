/**
 * Digest dates. A pasted "trending papers" page shows `Mar 14` with no year, so the year comes, in
 * this order, from: an explicit `--year` option, a `YYYY-MM-DD` in the file name, a year written on the
 * date line itself. Without any of these the date stays `MM-DD`: a guessed year would be a lie.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day, with the year when it is known. */
export interface DayOfYear {
  year?: number;
  month: number;
  day: number;
}

/** Parses a digest's date line (`Mar 14`, `March 14, 2024`, `14 Mar`, `2024-03-14`); undefined if it is not one. */
export function parseDateLine(line: string): DayOfYear | undefined {
  const text = line.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return checked({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
  const monthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(text);
  const dayFirst = /^(\d{1,2}) ([A-Za-z]{3,9})\.?(?:,? (\d{4}))?$/.exec(text);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  if (!monthName || !day) return undefined;
  const month = monthNumber(monthName);
  if (!month) return undefined;
  return checked({ year: year ? Number(year) : undefined, month, day: Number(day) });
}

/** `Mar`, `March` and `Sept` all name March: any prefix of three letters or more. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

function checked(date: DayOfYear): DayOfYear | undefined {
  // 2000 is a leap year, so Feb 29 passes when the year is unknown.
  const probe = new Date(Date.UTC(date.year ?? 2000, date.month - 1, date.day));
  return probe.getUTCMonth() === date.month - 1 && probe.getUTCDate() === date.day ? date : undefined;
}

/** The `YYYY-MM-DD` date in a file name such as `2024-03-14-trending.txt`, if any. */
export function dateFromFileName(name: string): DayOfYear | undefined {
  const match = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?:[^\d]|$)/.exec(name);
  return match ? checked({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }) : undefined;
}

/** Formats as the schema's `YYYY-MM-DD` or `MM-DD`. */
export function formatDay(date: DayOfYear): string {
  const monthDay = `${pad(date.month)}-${pad(date.day)}`;
  return date.year === undefined ? monthDay : `${date.year}-${monthDay}`;
}
