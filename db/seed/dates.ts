/** Date arithmetic on ISO calendar dates (YYYY-MM-DD), in UTC, for the seed generators. */
export const DAY_MS = 86_400_000;

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);

/** The same day n years later; 29 February becomes 28 February. */
export const addYears = (iso: string, years: number): string => {
  const monthDay = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${Number(iso.slice(0, 4)) + years}${monthDay}`;
};

/** Whole years of age on a date. */
export const ageOn = (birth: string, on: string): number =>
  Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
