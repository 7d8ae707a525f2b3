import { allow, or, rule } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { isAgent, isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import { CITIZEN_FIELD_GROUPS } from './citizen.groups.js';
import { citizenScope } from './scope.js';

const isCitizen = rule({ cache: 'contextual' })(
  (_p, _a, ctx: Context) => ctx.principal.kind === 'citizen',
);

/**
 * Built from the access policy: each Citizen field is guarded by the rule of its field
 * group, which reads the parent's NIN (strict cache) and records the read for the audit.
 */
export const permissions: IRules = {
  Query: {
    citizen: isAuthenticated,
    me: isCitizen,
    citizens: or(isMinistry, isAgent),
    consultationStatistics: isMinistry,
    // Public: a verifier needs no account; limited and logged in the resolver.
    verifyExtract: allow,
    extractIssuerKeys: allow,
    extractStatusList: allow,
  },
  Mutation: {
    registerBirth: isAgent,
    // The resolvers check the service (CIVIL_STATUS) and the purpose.
    registerMarriage: isAgent,
    registerDeath: isAgent,
    // The citizen themself or an agent at a counter; the resolver decides which NIN.
    issueBirthExtract: isAuthenticated,
  },
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Commune: {
    code: allow,
    citizensBorn: or(isMinistry, isAgent),
  },
  CitizenConnection: allow,
  CitizenEdge: allow,
  PageInfo: allow,
  RegisterBirthPayload: allow,
  // Reached through Citizen.civilActs (guarded by CIVIL_ACTS) or the mutations' payloads;
  // the persons of an act are Citizens, guarded field by field.
  CivilActPayload: allow,
  CivilAct: allow,
  MarginalNote: allow,
  BirthExtract: allow,
  ExtractVerification: allow,
  DisclosedField: allow,
  // Reached only through Citizen.consultations, which only the citizen may read.
  Consultation: allow,
  ConsultationConnection: allow,
  ConsultationEdge: allow,
  ConsultationCount: allow,
};
