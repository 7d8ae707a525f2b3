import { ErrorCode, badInput } from '../kit/errors.js';

const ARABIC_NAME = /^[\p{Script=Arabic}](?:[\p{Script=Arabic} '\-]*[\p{Script=Arabic}])?$/u;
const LATIN_NAME = /^[\p{Script=Latin}](?:[\p{Script=Latin} '\-]*[\p{Script=Latin}])?$/u;

export function assertName(value: string, script: 'Arabic' | 'Latin', field: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  const pattern = script === 'Arabic' ? ARABIC_NAME : LATIN_NAME;
  if (name.length === 0 || name.length > 80 || !pattern.test(name)) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be 1 to 80 letters of the ${script} script (spaces, "-" and "'" allowed between them)`,
      field,
    );
  }
  return name;
}

export function assertPastDate(value: string, field: string, today: string): string {
  if (value > today)
    throw badInput(ErrorCode.INVALID_DATE, `${field} cannot be in the future (${value})`, field);
  return value;
}
