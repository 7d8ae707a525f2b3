import type { FieldGroup } from '../../schema/access-policy.js';

const all = (fields: string[]): Record<string, FieldGroup> =>
  Object.fromEntries(fields.map((f) => [f, 'ASSOCIATIONS' as FieldGroup]));

/** Field groups (access policy) of this subgraph's person-linked fields. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  associations: 'ASSOCIATIONS',
  associationsHistory: 'HISTORY',
};
export const FOUNDER_FIELD_GROUPS = all(['associationId', 'person']);
export const BOARD_MEMBER_FIELD_GROUPS = all([
  'board',
  'role',
  'fromDate',
  'toDate',
  'person',
  'association',
]);

/** Association fields that name no person: for the ASSOCIATIONS service of its commune. */
export const ASSOCIATION_RECORD_FIELDS = [
  'id',
  'name',
  'nameAr',
  'domain',
  'seat',
  'statutes',
  'status',
  'version',
  'declaredOn',
  'decisionDue',
  'decisionOverdue',
  'registrationNumber',
  'registeredOn',
  'refusalReason',
  'commune',
  'founders',
  'board',
  'history',
  'subsidies',
  'annualReports',
];
