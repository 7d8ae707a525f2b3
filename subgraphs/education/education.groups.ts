import type { FieldGroup } from '../../schema/access-policy.js';

/** Field groups (access policy) of this subgraph's NIN-linked fields. */
export const CITIZEN_FIELD_GROUPS: Record<string, FieldGroup> = {
  nin: 'IDENTITY',
  schooling: 'SCHOOLING',
};
export const ENROLMENT_FIELD_GROUPS: Record<string, FieldGroup> = Object.fromEntries(
  [
    'id',
    'pupil',
    'school',
    'year',
    'academicYear',
    'grade',
    'section',
    'startDate',
    'endDate',
    'status',
    'result',
  ].map((f) => [f, 'SCHOOLING' as FieldGroup]),
);
