import { decideForGroup } from '../../schema/access-decision.js';
import { CERTIFICATE_DECISION_SERVICES, type AgentService } from '../../schema/access-policy.js';
import type { Principal } from '../../schema/principal.js';
import { CERTIFICATE_REQUEST_STATUSES } from '../../db/tables/citizens.js';

export { CERTIFICATE_REQUEST_STATUSES };
export type CertificateRequestStatusName = (typeof CERTIFICATE_REQUEST_STATUSES)[number];

/** A certificate request from filing to decision: the state machine as data. */
export const TRANSITIONS: Record<
  CertificateRequestStatusName,
  readonly CertificateRequestStatusName[]
> = {
  SUBMITTED: ['APPROVED', 'REFUSED'],
  APPROVED: [],
  REFUSED: [],
};

/** A refusal says why: the citizen reads the justification in the SMS and at the kiosk. */
export const NEEDS_JUSTIFICATION: readonly CertificateRequestStatusName[] = ['REFUSED'];
/** Both outcomes tell the citizen by SMS. */
export const NOTIFY_ON: readonly CertificateRequestStatusName[] = ['APPROVED', 'REFUSED'];
export const MIN_JUSTIFICATION = 10;

/**
 * Who decides: an agent of the civil-status office of the request's commune, stating a
 * purpose that covers the CERTIFICATES group.
 */
export function isDeciderOf(
  principal: Principal,
  purpose: string | null,
  request: { communeCode: string },
): boolean {
  return (
    principal.kind === 'agent' &&
    principal.communeCode === request.communeCode &&
    CERTIFICATE_DECISION_SERVICES.includes(principal.service as AgentService) &&
    decideForGroup(principal, purpose, 'CERTIFICATES').allowed
  );
}

/** Why a decision is not allowed, or null when it is (pure: testable without a database). */
export function decisionProblem(
  from: CertificateRequestStatusName,
  to: CertificateRequestStatusName,
  justification: string | null,
): {
  code: 'ILLEGAL_TRANSITION' | 'JUSTIFICATION_REQUIRED';
  message: string;
  field: string;
} | null {
  if (!TRANSITIONS[from].includes(to)) {
    const next = TRANSITIONS[from];
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `a certificate request ${from} cannot become ${to}${next.length ? `; next steps: ${next.join(', ')}` : '; it is decided'}`,
      field: 'decision',
    };
  }
  if (NEEDS_JUSTIFICATION.includes(to) && (justification ?? '').length < MIN_JUSTIFICATION) {
    return {
      code: 'JUSTIFICATION_REQUIRED',
      message: `a refusal needs a justification of at least ${MIN_JUSTIFICATION} characters: the citizen reads it`,
      field: 'justification',
    };
  }
  return null;
}
