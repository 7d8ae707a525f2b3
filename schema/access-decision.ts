import type { Principal } from './principal.js';
import {
  AGENTS,
  CITIZEN_OWN_GROUPS,
  MINISTRIES,
  PURPOSES,
  isMinistry,
  isPurpose,
  type FieldGroup,
  type PrincipalPolicy,
  type Purpose,
} from './access-policy.js';

export type Decision =
  | { allowed: true; purpose: string }
  | {
      allowed: false;
      reason: 'NO_TOKEN' | 'NOT_SELF' | 'NO_PURPOSE' | 'PURPOSE_NOT_ALLOWED' | 'GROUP_NOT_COVERED';
      message: string;
    };

/** The policy that applies to a ministry or an agent, or null for other principals. */
export function policyOf(principal: Principal): PrincipalPolicy | null {
  if (principal.kind === 'ministry')
    return isMinistry(principal.ministry) ? MINISTRIES[principal.ministry] : null;
  if (principal.kind === 'agent') return AGENTS;
  return null;
}

/** The purpose a citizen reading their own record implicitly states. */
export const SELF_SERVICE = 'SELF_SERVICE';

const who = (p: Principal) =>
  p.kind === 'ministry'
    ? `ministry ${p.ministry}`
    : p.kind === 'agent'
      ? 'a commune agent'
      : p.kind;

/** May this principal, stating this purpose, read this group of the record of `nin`? */
export function decide(
  principal: Principal,
  purpose: string | null,
  group: FieldGroup,
  nin: string,
): Decision {
  if (principal.kind === 'anonymous') {
    return { allowed: false, reason: 'NO_TOKEN', message: 'NIN-linked data needs a bearer token' };
  }
  if (principal.kind === 'citizen') {
    return principal.nin === nin && CITIZEN_OWN_GROUPS.includes(group)
      ? { allowed: true, purpose: SELF_SERVICE }
      : { allowed: false, reason: 'NOT_SELF', message: 'a citizen may read only their own record' };
  }
  return decideForGroup(principal, purpose, group);
}

/** The part of the decision that does not depend on whose record it is (ministries, agents). */
export function decideForGroup(
  principal: Principal,
  purpose: string | null,
  group: FieldGroup,
): Decision {
  const policy = policyOf(principal);
  if (!policy)
    return {
      allowed: false,
      reason: 'PURPOSE_NOT_ALLOWED',
      message: `${who(principal)} has no access to NIN-linked data`,
    };
  const allowed = policy.purposes.join(', ');
  if (!purpose) {
    return {
      allowed: false,
      reason: 'NO_PURPOSE',
      message: `state the purpose of this request in the X-Purpose header (${who(principal)} may state: ${allowed})`,
    };
  }
  if (!isPurpose(purpose) || !policy.purposes.includes(purpose)) {
    return {
      allowed: false,
      reason: 'PURPOSE_NOT_ALLOWED',
      message: `purpose ${purpose} is not one ${who(principal)} may state (allowed: ${allowed})`,
    };
  }
  if (!(PURPOSES[purpose].groups as readonly FieldGroup[]).includes(group)) {
    return {
      allowed: false,
      reason: 'GROUP_NOT_COVERED',
      message: `purpose ${purpose} does not cover the field group ${group} (it covers: ${PURPOSES[purpose].groups.join(', ')})`,
    };
  }
  return { allowed: true, purpose };
}

/** Groups a principal may read with a purpose, whatever the record (for docs and tests). */
export function groupsFor(principal: Principal, purpose: Purpose): FieldGroup[] {
  return policyOf(principal)?.purposes.includes(purpose) ? [...PURPOSES[purpose].groups] : [];
}

/**
 * Whether the caller may see a NIN's record at all (some group of it): a citizen only
 * their own; a ministry or agent when its stated purpose is one it may invoke. Used by
 * every reference resolver, so that "may not see" looks exactly like "does not exist".
 */
export function maySeeRecord(principal: Principal, purpose: string | null, nin: string): boolean {
  switch (principal.kind) {
    case 'anonymous':
      return false;
    case 'citizen':
      return principal.nin === nin;
    case 'ministry':
    case 'agent':
      return decideForGroup(principal, purpose, 'IDENTITY').allowed;
  }
}
