import { communeOfNin } from './nin.js';
import type { Principal, SchoolScope } from './principal.js';
import {
  AGENT_SERVICES,
  CITIZEN_OWN_GROUPS,
  GUARDIAN_GROUPS,
  INTEGRATORS,
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
        | 'OUTSIDE_COMMUNE'
        | 'OUTSIDE_SCHOOLS';
      message: string;
    };

/** The policy that applies to a ministry or an agent, or null for other principals. */
export function policyOf(principal: Principal): PrincipalPolicy | null {
  if (principal.kind === 'ministry')
    return isMinistry(principal.ministry) ? MINISTRIES[principal.ministry] : null;
  if (principal.kind === 'agent')
    return isAgentService(principal.service) ? AGENT_SERVICES[principal.service] : null;
  if (principal.kind === 'integrator') return INTEGRATORS;
  return null;
}

/** The purpose a citizen reading their own record implicitly states. */
export const SELF_SERVICE = 'SELF_SERVICE';

const who = (p: Principal) =>
  p.kind === 'ministry'
    ? `ministry ${p.ministry}`
    : p.kind === 'agent'
      ? `an agent of the ${p.service} service`
      : p.kind === 'integrator'
        ? `integrator ${p.clientId}`
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
  /**
   * True for a commune's own business (its leases, its cases): an agent reaches it only
   * when the record was made in the agent's commune, however it was found; neither the
   * person's birth commune nor naming the record by its number opens another commune's.
   */
  communeOnly?: boolean;
  /** Schools where the record was made (an enrolment's school), if any. */
  schools?: readonly (string | null | undefined)[];
  /** The pupil's parents as the school recorded them: they read the GUARDIAN_GROUPS. */
  guardians?: readonly (string | null | undefined)[];
  /**
   * True when a subgraph reads the record on the caller's behalf (a delegation, see
   * schema/delegations.ts), after checking the caller's scope itself: the registry check of
   * pupils an integrator enrols in one of its schools.
   */
  delegated?: boolean;
}

/**
 * Whether the record lies within the reach of a principal bound to a commune: the
 * person was born there (the NIN says where), or the record was made there, or the
 * caller named it (a lookup at the counter, where anyone may apply).
 */
export function withinCommune(communeCode: string, record: RecordScope): boolean {
  if (record.communeOnly) return (record.communes ?? []).includes(communeCode);
  if (record.named) return true;
  if (record.nin !== null && communeOfNin(record.nin) === communeCode) return true;
  return (record.communes ?? []).includes(communeCode);
}

/** Whether a school (6-digit code, its first two digits the wilaya) is in an integrator's scope. */
export function schoolInScope(scope: SchoolScope, schoolCode: string): boolean {
  return 'schools' in scope
    ? scope.schools.includes(schoolCode)
    : schoolCode.slice(0, 2) === scope.wilaya;
}

/**
 * Whether the record lies within an integrator's reach: it was made at one of its schools,
 * or a subgraph reached it through such a record (a grant: the pupil of an enrolment in
 * scope) or reads it on the integrator's behalf after checking the school. Keys the
 * integrator types reach nothing by themselves: the gateway names none for integrators.
 */
export function withinSchools(scope: SchoolScope, record: RecordScope): boolean {
  if (record.named || record.delegated) return true;
  return (record.schools ?? []).some((s) => s != null && schoolInScope(scope, s));
}

/**
 * The schools whose records a principal reaches, for lists that filter in SQL (a change
 * feed, a roster): ALL for national reach, the integrator's scope, or NONE.
 */
export function schoolReach(principal: Principal): 'ALL' | 'NONE' | SchoolScope {
  if (principal.kind === 'integrator') return principal.scope;
  return policyOf(principal)?.reach === 'NATIONAL' ? 'ALL' : 'NONE';
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
    if (record.nin !== null && principal.nin === record.nin && CITIZEN_OWN_GROUPS.includes(group))
      return { allowed: true, purpose: SELF_SERVICE };
    if (GUARDIAN_GROUPS.includes(group) && (record.guardians ?? []).includes(principal.nin))
      return { allowed: true, purpose: SELF_SERVICE };
    return {
      allowed: false,
      reason: 'NOT_SELF',
      message: "a citizen may read only their own record, and their children's schooling",
    };
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
  if (principal.kind === 'integrator' && !withinSchools(principal.scope, record)) {
    return {
      allowed: false,
      reason: 'OUTSIDE_SCHOOLS',
      message: `integrator ${principal.clientId} reaches only the records of the schools in its token`,
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
 * "may not see" looks exactly like "does not exist". `group` is the record's main group
 * (SCHOOLING for an enrolment, which a parent may see without the pupil's identity).
 */
export function maySeeRecord(
  principal: Principal,
  purpose: string | null,
  record: RecordScope,
  group: FieldGroup = 'IDENTITY',
): boolean {
  return decide(principal, purpose, group, record).allowed;
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
