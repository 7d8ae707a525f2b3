/** Date arithmetic on ISO calendar dates (YYYY-MM-DD), in UTC, for the seed generators. */
export const DAY_MS = 86_400_000;

/**
 * The seed's dates, 1900-01-01 to 2099-12-31, by day number (days since 1970-01-01): the
 * generators draw millions of them, and reading a date's digits and looking its successor
 * up costs a small fraction of a Date's parse and toISOString. Outside the table, Date.
 */
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2099, 11, 31) / DAY_MS;
const ISO: string[] = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++)
  ISO.push(new Date(d * DAY_MS).toISOString().slice(0, 10));

/** Day number of a YYYY-MM-DD date (as Date.parse(iso) / DAY_MS). */
export function dayNumber(iso: string): number {
  if (iso.length !== 10) return Date.parse(iso) / DAY_MS;
  const y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2099) return Date.parse(iso) / DAY_MS;
  // Days from civil (H. Hinnant), March-based years.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  // A day past the month's end (2025-02-30) is not in the table: Date.parse decides.
  return ISO[days - FIRST_DAY] === iso ? days : Date.parse(iso) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number. */
export function isoOfDay(day: number): string {
  return (
    ISO[day - FIRST_DAY] ??
    (Number.isFinite(day)
      ? new Date(day * DAY_MS).toISOString().slice(0, 10)
      : new Date(NaN).toISOString())
  );
}

export const addDays = (iso: string, days: number): string => isoOfDay(dayNumber(iso) + days);

/** The same day n years later; 29 February becomes 28 February. */
export const addYears = (iso: string, years: number): string => {
  const monthDay = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${Number(iso.slice(0, 4)) + years}${monthDay}`;
};

/** Whole years of age on a date. */
export const ageOn = (birth: string, on: string): number =>
  Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
