import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { assertNin } from '../kit/identifiers.js';
import { ageOn, type RegistryFacts } from '../kit/registry-check.js';
import {
  ADULT_AGE,
  MAX_BOARD,
  MAX_FOUNDERS,
  MIN_FOUNDERS,
  SINGLE_ROLES,
  type BoardRoleName,
} from './workflow.js';

/**
 * A name as uniqueness and search compare it: Latin letters without accents and in lower
 * case; Arabic without short vowels (tashkeel) or tatweel, with the alef, ta marbuta and
 * alef maqsura variants folded, as people type them differently.
 */
export function nameKey(value: string): string {
  return (
    value
      // NFD splits é into e + accent and أ into ا + hamza: dropping every combining mark
      // removes accents, hamzas on alef and short vowels alike.
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0640/g, '')
      .replace(/ٱ/g, 'ا')
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

export function assertText(value: string, field: string, max: number): string {
  const v = value.trim();
  if (v.length < 1 || v.length > max)
    throw badInput(ErrorCode.BAD_USER_INPUT, `${field} must be 1 to ${max} characters`, field);
  return v;
}

/** The founders' NINs: valid, distinct, enough of them for a communal association. */
export function assertFounders(nins: readonly string[]): string[] {
  const list = nins.map((n, i) => assertNin(n.trim(), `founders[${i}]`));
  const seen = new Set<string>();
  list.forEach((nin, i) => {
    if (seen.has(nin))
      throw appError(ErrorCode.DUPLICATE_FOUNDER, `founders[${i}] is given twice`, {
        field: `founders[${i}]`,
      });
    seen.add(nin);
  });
  if (list.length < MIN_FOUNDERS) {
    throw appError(
      ErrorCode.TOO_FEW_FOUNDERS,
      `a communal association needs at least ${MIN_FOUNDERS} founders (law 12-06); ${list.length} given`,
      { field: 'founders', required: MIN_FOUNDERS },
    );
  }
  if (list.length > MAX_FOUNDERS)
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `at most ${MAX_FOUNDERS} founders per declaration`,
      'founders',
    );
  return list;
}

/** A board: each person once, one president, one secretary general, one treasurer. */
export function assertBoard(members: readonly { nin: string; role: BoardRoleName }[]) {
  const list = members.map((m, i) => ({
    nin: assertNin(m.nin.trim(), `members[${i}].nin`),
    role: m.role,
  }));
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (seen.has(m.nin)) {
      throw appError(ErrorCode.DUPLICATE_BOARD_MEMBER, `members[${i}] sits on this board twice`, {
        field: `members[${i}].nin`,
      });
    }
    seen.add(m.nin);
  });
  for (const role of SINGLE_ROLES) {
    const n = list.filter((m) => m.role === role).length;
    if (n !== 1)
      throw appError(ErrorCode.INVALID_BOARD, `a board has exactly one ${role} (${n} given)`, {
        field: 'members',
      });
  }
  if (list.length > MAX_BOARD)
    throw appError(ErrorCode.INVALID_BOARD, `a board has at most ${MAX_BOARD} members`, {
      field: 'members',
    });
  return list;
}

/** Each person known to the registry, alive and of age on `day`; the first who is not is named. */
export function assertLivingAdults(
  facts: readonly (RegistryFacts | null)[],
  nins: readonly string[],
  field: (i: number) => string,
  day: string,
): void {
  facts.forEach((f, i) => {
    if (!f)
      throw appError(
        ErrorCode.CITIZEN_NOT_FOUND,
        `no citizen with NIN ${nins[i]} in the civil registry`,
        {
          field: field(i),
        },
      );
    if (f.deathDate)
      throw appError(
        ErrorCode.CITIZEN_DECEASED,
        `the civil registry records ${field(i)} as deceased`,
        {
          field: field(i),
        },
      );
    if (ageOn(f.birthDate, day) < ADULT_AGE)
      throw appError(ErrorCode.UNDER_AGE, `${field(i)} is under ${ADULT_AGE}`, { field: field(i) });
  });
}
