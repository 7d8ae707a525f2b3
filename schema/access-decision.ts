import { communeOfNin } from './nin.js';
import type { Principal } from './principal.js';
import {
  AGENT_SERVICES,
  CITIZEN_OWN_GROUPS,
  MINISTRIES,
  PURPOSES,
  isAgentService,
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
      reason:
        | 'NO_TOKEN'
        | 'NOT_SELF'
        | 'NO_PURPOSE'
        | 'PURPOSE_NOT_ALLOWED'
        | 'GROUP_NOT_COVERED'
        | 'OUTSIDE_COMMUNE';
      message: string;
    };

/** The policy that applies to a ministry or an agent, or null for other principals. */
export function policyOf(principal: Principal): PrincipalPolicy | null {
  if (principal.kind === 'ministry')
    return isMinistry(principal.ministry) ? MINISTRIES[principal.ministry] : null;
  if (principal.kind === 'agent')
    return isAgentService(principal.service) ? AGENT_SERVICES[principal.service] : null;
  return null;
}

/** The purpose a citizen reading their own record implicitly states. */
export const SELF_SERVICE = 'SELF_SERVICE';

const who = (p: Principal) =>
  p.kind === 'ministry'
    ? `ministry ${p.ministry}`
    : p.kind === 'agent'
      ? `an agent of the ${p.service} service`
      : p.kind;

/**
 * What the policy needs to know of the record being read, besides its field group. Every
 * subgraph describes its records this way (see `scopeOf…` in each one), so that every path
 * to a record (a root field, a list, a link, `_entities`) gets the same decision.
 */
export interface RecordScope {
  /**
   * The citizen the record belongs to (a person, a document's holder, an owner…), or null
   * for a record of nobody known by NIN (a request filed at the kiosk without an account):
   * then only the communes place it, and no NIN is logged.
   */
  nin: string | null;
  /** Communes where the record was made (a counter, an issuing office), if any. */
  communes?: readonly (string | null | undefined)[];
  /**
   * True when the caller named this record by its key in the request (a NIN, VIN, plate or
   * number given as an argument), false when it was reached through a list or a link.
   */
  named?: boolean;
}

/**
 * Whether the record lies within the reach of a principal bound to a commune: the
 * person was born there (the NIN says where), or the record was made there, or the
 * caller named it (a lookup at the counter, where anyone may apply).
 */
export function withinCommune(communeCode: string, record: RecordScope): boolean {
  if (record.named) return true;
  if (record.nin !== null && communeOfNin(record.nin) === communeCode) return true;
  return (record.communes ?? []).includes(communeCode);
}

/** May this principal, stating this purpose, read this group of this record? */
export function decide(
  principal: Principal,
  purpose: string | null,
  group: FieldGroup,
  record: RecordScope,
): Decision {
  if (principal.kind === 'anonymous') {
    return { allowed: false, reason: 'NO_TOKEN', message: 'NIN-linked data needs a bearer token' };
  }
  if (principal.kind === 'citizen') {
    return record.nin !== null && principal.nin === record.nin && CITIZEN_OWN_GROUPS.includes(group)
      ? { allowed: true, purpose: SELF_SERVICE }
      : { allowed: false, reason: 'NOT_SELF', message: 'a citizen may read only their own record' };
  }
  const decision = decideForGroup(principal, purpose, group);
  if (!decision.allowed) return decision;
  if (
    principal.kind === 'agent' &&
    policyOf(principal)?.reach === 'OWN_COMMUNE' &&
    !withinCommune(principal.communeCode, record)
  ) {
    return {
      allowed: false,
      reason: 'OUTSIDE_COMMUNE',
      message: `an agent of commune ${principal.communeCode} reaches only records of that commune, or a person, vehicle or file looked up by its number`,
    };
  }
  return decision;
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
 * Whether the caller may see a record at all (some group of it): a citizen only their
 * own; a ministry or agent when its stated purpose is one it may invoke, and for an agent
 * only within its commune's reach. Used by every reference resolver and list, so that
 * "may not see" looks exactly like "does not exist".
 */
export function maySeeRecord(
  principal: Principal,
  purpose: string | null,
  record: RecordScope,
): boolean {
  return decide(principal, purpose, 'IDENTITY', record).allowed;
}

/**
 * For records that name no person (an inspection, a water sample, a commune's figures):
 * may this principal read a record of this commune, stating this purpose? The purpose must
 * be one of `purposes` and one the principal may state; an agent bound to a commune reads
 * only its own commune's records; a ministry reads every commune's.
 */
export function decideCommuneRecord(
  principal: Principal,
  purpose: string | null,
  purposes: readonly Purpose[],
  communeCode: string,
): Decision {
  const policy = policyOf(principal);
  if (!policy)
    return {
      allowed: false,
      reason: principal.kind === 'anonymous' ? 'NO_TOKEN' : 'PURPOSE_NOT_ALLOWED',
      message: `${who(principal)} may not read these records`,
    };
  const usable = purposes.filter((p) => policy.purposes.includes(p));
  if (!purpose || !isPurpose(purpose) || !usable.includes(purpose)) {
    return {
      allowed: false,
      reason: purpose ? 'PURPOSE_NOT_ALLOWED' : 'NO_PURPOSE',
      message: usable.length
        ? `state one of these purposes in the X-Purpose header: ${usable.join(', ')}`
        : `${who(principal)} may state no purpose that covers these records`,
    };
  }
  if (
    principal.kind === 'agent' &&
    policy.reach === 'OWN_COMMUNE' &&
    principal.communeCode !== communeCode
  ) {
    return {
      allowed: false,
      reason: 'OUTSIDE_COMMUNE',
      message: `an agent of commune ${principal.communeCode} reaches only records of that commune`,
    };
  }
  return { allowed: true, purpose };
}
