import type { FieldGroup } from '../../schema/access-policy.js';

const leases = (fields: string[]): Record<string, FieldGroup> =>
  Object.fromEntries(fields.map((f) => [f, 'LEASES' as FieldGroup]));

/** Field groups (access policy) of this subgraph's NIN-linked fields: the LEASES group. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  leases: 'LEASES',
  leasesHistory: 'HISTORY',
};
export const LEASE_FIELD_GROUPS = leases([
  'number',
  'asset',
  'commune',
  'tenantKind',
  'tenant',
  'company',
  'tenantPhone',
  'startDate',
  'endDate',
  'monthlyRent',
  'deposit',
  'status',
  'arrears',
  'payments',
  'notices',
]);
export const NOTICE_FIELD_GROUPS = leases([
  'number',
  'lease',
  'period',
  'amountDue',
  'issuedOn',
  'deadline',
  'answered',
  'paidSince',
]);
