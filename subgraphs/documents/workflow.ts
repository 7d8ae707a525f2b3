import type { Principal } from '../../schema/principal.js';
import { PRODUCTION_PURPOSES } from '../../schema/access-policy.js';

export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'APPROVED',
  'REJECTED',
  'IN_PRODUCTION',
  'READY',
  'DELIVERED',
  'CANCELLED',
] as const;
export type ApplicationStatusName = (typeof APPLICATION_STATUSES)[number];

/** The only moves an application can make. */
export const TRANSITIONS: Record<ApplicationStatusName, readonly ApplicationStatusName[]> = {
  SUBMITTED: ['UNDER_REVIEW', 'CANCELLED'],
  UNDER_REVIEW: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: ['IN_PRODUCTION', 'CANCELLED'],
  IN_PRODUCTION: ['READY'],
  READY: ['DELIVERED'],
  REJECTED: [],
  DELIVERED: [],
  CANCELLED: [],
};

/** Who moves an application into each status. */
type Role = 'COUNTER' | 'PRODUCTION' | 'APPLICANT';
const ROLES_FOR: Record<ApplicationStatusName, readonly Role[]> = {
  SUBMITTED: [],
  UNDER_REVIEW: ['COUNTER'],
  APPROVED: ['COUNTER'],
  REJECTED: ['COUNTER'],
  IN_PRODUCTION: ['PRODUCTION'],
  READY: ['PRODUCTION'],
  DELIVERED: ['COUNTER'],
  CANCELLED: ['COUNTER', 'APPLICANT'],
};

/** The statuses that notify the applicant by SMS. */
export const NOTIFY_ON: readonly ApplicationStatusName[] = ['READY', 'REJECTED'];

export function rolesOf(
  principal: Principal,
  purpose: string | null,
  app: { counterCommuneCode: string; nin: string },
): Role[] {
  const roles: Role[] = [];
  if (principal.kind === 'agent' && principal.communeCode === app.counterCommuneCode)
    roles.push('COUNTER');
  if (
    principal.kind === 'ministry' &&
    purpose &&
    (PRODUCTION_PURPOSES as readonly string[]).includes(purpose)
  ) {
    roles.push('PRODUCTION');
  }
  if (principal.kind === 'citizen' && principal.nin === app.nin) roles.push('APPLICANT');
  return roles;
}

export function mayMoveTo(roles: Role[], to: ApplicationStatusName): boolean {
  return ROLES_FOR[to].some((r) => roles.includes(r));
}
