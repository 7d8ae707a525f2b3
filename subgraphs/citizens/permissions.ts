import { allow, or, rule } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { isAgent, isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import { CERTIFICATE_REQUEST_FIELD_GROUPS, CITIZEN_FIELD_GROUPS } from './citizen.groups.js';
import { certificateRequestScope, citizenScope } from './scope.js';

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
    citizensByNin: isAuthenticated,
    me: isCitizen,
    citizens: or(isMinistry, isAgent),
    consultationStatistics: isMinistry,
    consultationsByWilaya: isMinistry,
    // Public: a verifier needs no account; limited and logged in the resolver.
    verifyExtract: allow,
    extractIssuerKeys: allow,
    extractStatusList: allow,
    // The resolver checks that the extract is the calling citizen's own.
    printableBirthExtract: isCitizen,
    // The kiosk and the guide: no token; the kiosk is limited and logged in the resolver.
    trackCertificateRequest: allow,
    certificateProcedures: allow,
    certificateProcedure: allow,
    // The resolvers apply the policy (visible only to its citizen and its commune's agents).
    certificateRequest: isAuthenticated,
    certificateRequestQueue: isAgent,
  },
  Mutation: {
    registerBirth: isAgent,
    // The resolvers check the service (CIVIL_STATUS) and the purpose.
    registerMarriage: isAgent,
    registerDeath: isAgent,
    // The citizen themself or an agent at a counter; the resolver decides which NIN.
    issueBirthExtract: isAuthenticated,
    // A citizen for themself or an agent for a citizen; the resolver decides (purpose, NIN).
    requestCertificate: isAuthenticated,
    // The resolver checks the service (CIVIL_STATUS), the commune and the purpose.
    decideCertificateRequest: isAgent,
  },
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  CertificateRequest: rulesFromGroups(
    'CertificateRequest',
    CERTIFICATE_REQUEST_FIELD_GROUPS,
    certificateRequestScope,
  ),
  // Reached through CertificateRequest fields, each guarded by the CERTIFICATES group.
  CertificateRequestEvent: allow,
  SignedCertificate: allow,
  CertificateRequestConnection: allow,
  // Reached only through Citizen.history, itself guarded by the HISTORY group.
  HistoryItemConnection: allow,
  HistoryItemEdge: allow,
  HistoryItem: allow,
  PrintableExtract: allow,
  CertificateRequestEdge: allow,
  RequestCertificatePayload: allow,
  CertificateRequestTracking: allow,
  CertificateProcedure: allow,
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
  WilayaConsultationCount: allow,
};
