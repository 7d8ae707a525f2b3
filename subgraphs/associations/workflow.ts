import { ASSOCIATION_STATUSES, BOARD_ROLES } from '../../db/tables/associations.js';

// The statuses and roles are the table's (db/tables/associations.ts): one list for both.
export { ASSOCIATION_STATUSES, BOARD_ROLES };
/**
 * An association's life as data (law 12-06 on associations): declared at its commune,
 * registered (with a numbered receipt) or refused with a reason within the legal delay;
 * once registered, suspended and reinstated, or dissolved.
 */
export type AssociationStatusName = (typeof ASSOCIATION_STATUSES)[number];

export const TRANSITIONS: Record<AssociationStatusName, readonly AssociationStatusName[]> = {
  DECLARED: ['REGISTERED', 'REFUSED'],
  REGISTERED: ['SUSPENDED', 'DISSOLVED'],
  SUSPENDED: ['REGISTERED', 'DISSOLVED'],
  REFUSED: [],
  DISSOLVED: [],
};

/** Moves that must say why: the founders may contest a refusal before the administrative court. */
export const NEEDS_REASON: readonly AssociationStatusName[] = ['REFUSED', 'SUSPENDED', 'DISSOLVED'];

/** Founders a communal association needs at least (law 12-06, art. 6). */
export const MIN_FOUNDERS = 10;
/** A declaration holds at most this many founders (a bound for the list, and for one registry call). */
export const MAX_FOUNDERS = 50;
/** Days the commune has to register or refuse a declaration (law 12-06, art. 8). */
export const LEGAL_DELAY_DAYS = 30;
/** Founders and board members are of age. */
export const ADULT_AGE = 18;

export type BoardRoleName = (typeof BOARD_ROLES)[number];
/** Roles a board holds exactly once. */
export const SINGLE_ROLES: readonly BoardRoleName[] = [
  'PRESIDENT',
  'SECRETARY_GENERAL',
  'TREASURER',
];
export const MAX_BOARD = 15;

/** Why a move is not allowed, or null (pure: testable without a database). */
export function moveProblem(
  from: AssociationStatusName,
  to: AssociationStatusName,
  reason: string | null,
): { code: 'ILLEGAL_TRANSITION' | 'JUSTIFICATION_REQUIRED'; message: string } | null {
  if (!TRANSITIONS[from].includes(to)) {
    const next = TRANSITIONS[from];
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `an association ${from} cannot become ${to}${next.length ? `; next: ${next.join(', ')}` : '; the file is closed'}`,
    };
  }
  if (NEEDS_REASON.includes(to) && (reason ?? '').length < 10) {
    return {
      code: 'JUSTIFICATION_REQUIRED',
      message: `making an association ${to} needs a reason of at least 10 characters: the founders may contest it`,
    };
  }
  return null;
}

export function decisionDue(declaredOn: string): string {
  return new Date(Date.parse(declaredOn) + LEGAL_DELAY_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
}
