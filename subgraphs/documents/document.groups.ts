import type { FieldGroup } from '../../schema/access-policy.js';

/** Field groups (access policy) of the fields this subgraph adds to a citizen's record. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  documents: 'DOCUMENTS',
  applications: 'APPLICATIONS',
  documentsHistory: 'HISTORY',
};

export const DOCUMENT_FIELD_GROUPS: Record<string, FieldGroup> = Object.fromEntries(
  [
    'number',
    'type',
    'categories',
    'issueDate',
    'expiryDate',
    'status',
    'holder',
    'issuingCommune',
    'application',
  ].map((f) => [f, 'DOCUMENTS' as FieldGroup]),
);

export const APPLICATION_FIELD_GROUPS: Record<string, FieldGroup> = Object.fromEntries(
  [
    'number',
    'type',
    'categories',
    'reason',
    'status',
    'version',
    'rejectionReason',
    'submittedAt',
    'updatedAt',
    'applicant',
    'counterCommune',
    'document',
    'previousDocument',
    'history',
  ].map((f) => [f, 'APPLICATIONS' as FieldGroup]),
);
