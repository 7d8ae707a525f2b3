import type { Principal } from '../../schema/principal.js';
import { decideForGroup } from '../../schema/access-decision.js';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../db/tables/hygiene.js';

// The statuses and categories are the table's (db/tables/hygiene.ts): one list for both.
export { REQUEST_CATEGORIES, REQUEST_STATUSES };

/** A citizens' request (requête) from filing to closing: the state machine as data. */
export type RequestStatusName = (typeof REQUEST_STATUSES)[number];

export type RequestCategoryName = (typeof REQUEST_CATEGORIES)[number];

/** The only moves a request can make; RESOLVED and REJECTED close it. */
export const TRANSITIONS: Record<RequestStatusName, readonly RequestStatusName[]> = {
  FILED: ['ASSIGNED', 'REJECTED'],
  ASSIGNED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
};

/** Closing says why, to the requester: the justification is part of the SMS. */
export const NEEDS_JUSTIFICATION: readonly RequestStatusName[] = ['RESOLVED', 'REJECTED'];
/** Assigning names who works on it. */
export const NEEDS_ASSIGNEE: readonly RequestStatusName[] = ['ASSIGNED'];
/** The statuses that tell the requester by SMS (when they left a number). */
export const NOTIFY_ON: readonly RequestStatusName[] = ['RESOLVED', 'REJECTED'];
export const CLOSED: readonly RequestStatusName[] = ['RESOLVED', 'REJECTED'];

/** Days the office has to close a request, by category: a leak or rubbish cannot wait a fortnight. */
export const DEADLINE_DAYS: Record<RequestCategoryName, number> = {
  WATER_LEAK: 2,
  WASTE_NOT_COLLECTED: 3,
  STRAY_ANIMALS: 5,
  NOISE: 7,
  PUBLIC_LIGHTING: 7,
  UNSANITARY_PREMISES: 10,
  OTHER: 15,
};

export function deadlineOf(category: RequestCategoryName, filedAt: Date): Date {
  return new Date(filedAt.getTime() + DEADLINE_DAYS[category] * 86_400_000);
}

/**
 * Only the hygiene office of the request's commune moves it: an agent of that commune whose
 * stated purpose covers the HYGIENE group (the HYGIENE service, PUBLIC_HYGIENE).
 */
export function isOfficeOf(
  principal: Principal,
  purpose: string | null,
  request: { communeCode: string },
): boolean {
  return (
    principal.kind === 'agent' &&
    principal.communeCode === request.communeCode &&
    decideForGroup(principal, purpose, 'HYGIENE').allowed
  );
}

/** Why a move is not allowed, or null when it is (pure: testable without a database). */
export function moveProblem(
  from: RequestStatusName,
  to: RequestStatusName,
  input: { justification: string | null; assignee: string | null },
): {
  code: 'ILLEGAL_TRANSITION' | 'JUSTIFICATION_REQUIRED' | 'BAD_USER_INPUT';
  message: string;
  field: string;
} | null {
  if (!TRANSITIONS[from].includes(to)) {
    const next = TRANSITIONS[from];
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `a request ${from} cannot become ${to}${next.length ? `; next steps: ${next.join(', ')}` : '; it is closed'}`,
      field: 'status',
    };
  }
  if (NEEDS_JUSTIFICATION.includes(to) && (input.justification ?? '').length < 10) {
    return {
      code: 'JUSTIFICATION_REQUIRED',
      message: `closing a request as ${to} needs a justification of at least 10 characters: the requester reads it`,
      field: 'justification',
    };
  }
  if (NEEDS_ASSIGNEE.includes(to) && !input.assignee) {
    return {
      code: 'BAD_USER_INPUT',
      message: 'name the assignee (who works on it)',
      field: 'assignee',
    };
  }
  return null;
}
