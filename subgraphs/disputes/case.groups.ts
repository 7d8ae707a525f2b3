import type { FieldGroup } from '../../schema/access-policy.js';

const cases = (fields: string[]): Record<string, FieldGroup> =>
  Object.fromEntries(fields.map((f) => [f, 'CASES' as FieldGroup]));

/** Field groups (access policy) of this subgraph's NIN-linked fields: the CASES group. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  cases: 'CASES',
  casesHistory: 'HISTORY',
};
export const CASE_FIELD_GROUPS = cases([
  'number',
  'commune',
  'role',
  'court',
  'level',
  'subject',
  'partyKind',
  'opposingParty',
  'partyNif',
  'partyName',
  'lawyer',
  'amountClaimed',
  'lease',
  'noticeNumber',
  'status',
  'openedOn',
  'hearings',
  'judgmentDate',
  'decision',
  'amountAwarded',
  'appealDeadline',
  'history',
]);
export const LEASE_FIELD_GROUPS = cases(['cases']);
