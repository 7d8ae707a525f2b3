import type { FieldGroup } from '../../schema/access-policy.js';

const all = (fields: string[]): Record<string, FieldGroup> =>
  Object.fromEntries(fields.map((f) => [f, 'HYGIENE' as FieldGroup]));

/** Field groups (access policy) of this subgraph's person-linked fields. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  hygieneRequests: 'HYGIENE',
  establishmentsOperated: 'HYGIENE',
  hygieneHistory: 'HISTORY',
};

/** A request is its requester's (when known by NIN) and its commune's office's: all of it. */
export const REQUEST_FIELD_GROUPS = all([
  'number',
  'category',
  'place',
  'text',
  'status',
  'channel',
  'version',
  'assignee',
  'justification',
  'contactPhone',
  'filedAt',
  'deadline',
  'closedAt',
  'overdue',
  'requester',
  'establishment',
  'commune',
  'history',
]);

/** Of an establishment, only its operator is a person's data. */
export const ESTABLISHMENT_PERSON_FIELD_GROUPS = all(['operator']);

/** Establishment fields that name no person (read under HYGIENE_RECORD_PURPOSES, or by its operator). */
export const ESTABLISHMENT_RECORD_FIELDS = [
  'id',
  'name',
  'category',
  'address',
  'operatorNif',
  'lastScore',
  'lastInspectionDate',
  'lastMeasure',
  'followUpDue',
  'standing',
  'commune',
  'inspections',
];
