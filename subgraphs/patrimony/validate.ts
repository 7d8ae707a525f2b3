import { ErrorCode, badInput } from '../kit/errors.js';
import { today } from './lease.rules.js';

/** A free-text field: trimmed, within bounds, printable. */
export function assertText(value: string, field: string, min: number, max: number): string {
  const v = value.trim();
  if (v.length < min || v.length > max || /[\u0000-\u001f]/.test(v))
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be ${min} to ${max} printable characters`,
      field,
    );
  return v;
}

/** A date of something that happened: not in the future. */
export function assertPast(date: string, field: string): string {
  if (date > today())
    throw badInput(ErrorCode.INVALID_DATE, `${field} (${date}) cannot be in the future`, field);
  return date;
}

export function assertYear(year: number, field = 'year'): number {
  const now = Number(today().slice(0, 4));
  if (!Number.isInteger(year) || year < 1962 || year > now)
    throw badInput(ErrorCode.BAD_USER_INPUT, `${field} must be between 1962 and ${now}`, field);
  return year;
}
