import type { FieldGroup } from '../../schema/access-policy.js';

const all = (fields: string[]): Record<string, FieldGroup> =>
  Object.fromEntries(fields.map((f) => [f, 'VEHICLES' as FieldGroup]));

/** Field groups (access policy) of this subgraph's fields: all of them are the VEHICLES group. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  vehicles: 'VEHICLES',
  vehiclesHistory: 'HISTORY',
};
export const VEHICLE_FIELD_GROUPS = all([
  'vin',
  'make',
  'model',
  'category',
  'energy',
  'year',
  'firstRegistrationDate',
  'plate',
  'status',
  'currentOwner',
  'registeringWilaya',
  'owners',
  'registrationCards',
]);
export const OWNERSHIP_FIELD_GROUPS = all(['fromDate', 'toDate', 'owner']);
export const CARD_FIELD_GROUPS = all([
  'number',
  'plate',
  'issueDate',
  'closedDate',
  'status',
  'holder',
]);
