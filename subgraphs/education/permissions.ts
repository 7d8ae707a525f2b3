import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import { CITIZEN_FIELD_GROUPS, ENROLMENT_FIELD_GROUPS } from './education.groups.js';
import { citizenScope, enrolmentScope } from './scope.js';

/**
 * Built from the access policy: every field of an enrolment is the pupil's SCHOOLING
 * group, decided with the enrolment's school (integrators) and the pupil's parents. The
 * school directory is public.
 */
export const permissions: IRules = {
  Query: {
    school: allow,
    schools: allow,
    academicYears: allow,
    schoolingOf: isAuthenticated,
    enrolmentChanges: isAuthenticated,
    schoolRoster: isAuthenticated,
    schoolingStatistics: isMinistry,
    unenrolledChildren: isMinistry,
  },
  Mutation: {
    enrolPupils: isAuthenticated,
    transferPupil: isAuthenticated,
    recordResult: isAuthenticated,
  },
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Enrolment: rulesFromGroups('Enrolment', ENROLMENT_FIELD_GROUPS, enrolmentScope),
  // The directory: public. School.enrolments decides in its resolver, per school.
  School: allow,
  Commune: allow,
  AcademicYear: allow,
  SchoolConnection: allow,
  SchoolEdge: allow,
  EnrolmentConnection: allow,
  EnrolmentEdge: allow,
  EnrolmentResult: allow,
  EnrolPupilsPayload: allow,
  EnrolmentRowResult: allow,
  TransferPayload: allow,
  EnrolmentChange: allow,
  EnrolmentChangeConnection: allow,
  EnrolmentChangeEdge: allow,
  OneRosterExport: allow,
  OneRosterFile: allow,
  SchoolingStatistics: allow,
  UnenrolledChildren: allow,
  GradeCount: allow,
  SchoolCount: allow,
  CommuneCount: allow,
  PageInfo: allow,
};
