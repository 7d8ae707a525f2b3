import type { FieldGroupIndex } from '../schema/policy-docs.js';
import {
  BOARD_MEMBER_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS as CITIZEN_ASSOCIATION_FIELD_GROUPS,
  FOUNDER_FIELD_GROUPS,
} from './associations/association.groups.js';
import { CITIZEN_FIELD_GROUPS } from './citizens/citizen.groups.js';
import {
  CITIZEN_FIELD_GROUPS as CITIZEN_SCHOOLING_FIELD_GROUPS,
  ENROLMENT_FIELD_GROUPS,
} from './education/education.groups.js';
import {
  APPLICATION_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS as CITIZEN_DOCUMENT_FIELD_GROUPS,
  DOCUMENT_FIELD_GROUPS,
} from './documents/document.groups.js';
import {
  CARD_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS as CITIZEN_VEHICLE_FIELD_GROUPS,
  OWNERSHIP_FIELD_GROUPS,
  VEHICLE_FIELD_GROUPS,
} from './vehicles/vehicle.groups.js';
import {
  CITIZEN_FIELD_GROUPS as CITIZEN_LEASE_FIELD_GROUPS,
  LEASE_FIELD_GROUPS,
  NOTICE_FIELD_GROUPS,
} from './patrimony/lease.groups.js';
import {
  CASE_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS as CITIZEN_CASE_FIELD_GROUPS,
  LEASE_FIELD_GROUPS as LEASE_CASE_FIELD_GROUPS,
} from './disputes/case.groups.js';
import {
  CITIZEN_FIELD_GROUPS as CITIZEN_HYGIENE_FIELD_GROUPS,
  ESTABLISHMENT_PERSON_FIELD_GROUPS,
  REQUEST_FIELD_GROUPS,
} from './hygiene/hygiene.groups.js';

/** Every subgraph's field → group map, as "Type.field", for the policy docs. */
export function fieldGroupIndex(): FieldGroupIndex {
  const index: FieldGroupIndex = {};
  const add = (type: string, map: Record<string, FieldGroupIndex[string]>) => {
    for (const [field, group] of Object.entries(map)) index[`${type}.${field}`] = group;
  };
  add('Citizen', CITIZEN_FIELD_GROUPS);
  add('Citizen', CITIZEN_DOCUMENT_FIELD_GROUPS);
  add('Document', DOCUMENT_FIELD_GROUPS);
  add('Application', APPLICATION_FIELD_GROUPS);
  add('Citizen', CITIZEN_VEHICLE_FIELD_GROUPS);
  add('Vehicle', VEHICLE_FIELD_GROUPS);
  add('Ownership', OWNERSHIP_FIELD_GROUPS);
  add('RegistrationCard', CARD_FIELD_GROUPS);
  add('Citizen', CITIZEN_LEASE_FIELD_GROUPS);
  add('LeaseContract', LEASE_FIELD_GROUPS);
  add('FormalNotice', NOTICE_FIELD_GROUPS);
  add('Citizen', CITIZEN_CASE_FIELD_GROUPS);
  add('Case', CASE_FIELD_GROUPS);
  add('LeaseContract', LEASE_CASE_FIELD_GROUPS);
  add('Citizen', CITIZEN_SCHOOLING_FIELD_GROUPS);
  add('Enrolment', ENROLMENT_FIELD_GROUPS);
  add('Citizen', CITIZEN_HYGIENE_FIELD_GROUPS);
  add('HygieneRequest', REQUEST_FIELD_GROUPS);
  add('Establishment', ESTABLISHMENT_PERSON_FIELD_GROUPS);
  add('Citizen', CITIZEN_ASSOCIATION_FIELD_GROUPS);
  add('Founder', FOUNDER_FIELD_GROUPS);
  add('BoardMember', BOARD_MEMBER_FIELD_GROUPS);
  return index;
}
