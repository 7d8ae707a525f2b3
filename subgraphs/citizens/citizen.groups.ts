import type { FieldGroup } from '../../schema/access-policy.js';

/** Which field group of the access policy each Citizen field of this subgraph belongs to. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  givenNameAr: 'IDENTITY',
  familyNameAr: 'IDENTITY',
  givenNameLat: 'IDENTITY',
  familyNameLat: 'IDENTITY',
  sex: 'IDENTITY',
  birthDate: 'IDENTITY',
  birthCommune: 'IDENTITY',
  father: 'FILIATION',
  mother: 'FILIATION',
  children: 'FILIATION',
  maritalStatus: 'CIVIL_STATUS',
  deathDate: 'DEATH',
  spouse: 'CIVIL_STATUS',
  civilActs: 'CIVIL_ACTS',
  certificateRequests: 'CERTIFICATES',
  consultations: 'CONSULTATIONS',
  history: 'HISTORY',
};

/** Every field of a certificate request is part of its citizen's CERTIFICATES group. */
export const CERTIFICATE_REQUEST_FIELD_GROUPS: Record<string, FieldGroup> = Object.fromEntries(
  [
    'number',
    'type',
    'reason',
    'address',
    'channel',
    'status',
    'version',
    'justification',
    'submittedAt',
    'decidedAt',
    'ageHours',
    'piecesRequired',
    'citizen',
    'commune',
    'certificate',
    'history',
  ].map((f) => [f, 'CERTIFICATES' as FieldGroup]),
);
