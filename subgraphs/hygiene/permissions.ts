import { allow, or, rule } from 'graphql-shield';
import { HYGIENE_RECORD_PURPOSES } from '../../schema/access-policy.js';
import { canReadCommuneRecord, rulesFromGroups } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { isAgent, isAuthenticated, type IRules } from '../kit/shield.js';
import type { EstablishmentRecord } from './establishment.type.js';
import {
  CITIZEN_FIELD_GROUPS,
  ESTABLISHMENT_PERSON_FIELD_GROUPS,
  ESTABLISHMENT_RECORD_FIELDS,
  REQUEST_FIELD_GROUPS,
} from './hygiene.groups.js';
import { citizenScope, operatorScope, requestScope } from './scope.js';

const byCommune = <P extends { communeCode: string }>(name: string) =>
  canReadCommuneRecord<P>(name, HYGIENE_RECORD_PURPOSES, (r) => r.communeCode);

/** The operator reads their own establishment's record (never who reported it). */
const isOperator = rule('is-establishment-operator', { cache: 'strict' })(
  (e: EstablishmentRecord, _args, ctx: Context) =>
    ctx.principal.kind === 'citizen' &&
    e.operatorNin !== null &&
    ctx.principal.nin === e.operatorNin,
);

const establishmentRecord = or(byCommune<EstablishmentRecord>('Establishment'), isOperator);

/**
 * Built from the access policy: requests, operators and requesters are the HYGIENE group
 * (with a consultation logged per NIN); inspections, samples and campaigns name no person
 * and are read under HYGIENE_RECORD_PURPOSES within the caller's reach.
 */
export const permissions: IRules = {
  Query: {
    hygieneRequest: isAuthenticated,
    hygieneRequests: isAgent,
    followHygieneRequest: allow,
    establishment: isAuthenticated,
    establishments: isAuthenticated,
    inspection: isAuthenticated,
    waterSamples: isAuthenticated,
    hygieneCampaigns: isAuthenticated,
    hygieneStatistics: isAuthenticated,
  },
  Mutation: {
    // The kiosk files without a token; the resolver says who may file.
    fileHygieneRequest: allow,
    moveHygieneRequest: isAgent,
    registerEstablishment: isAgent,
    recordInspection: isAgent,
    recordWaterSample: isAgent,
    recordHygieneCampaign: isAgent,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  HygieneRequest: rulesFromGroups('HygieneRequest', REQUEST_FIELD_GROUPS, requestScope),
  Establishment: {
    ...Object.fromEntries(ESTABLISHMENT_RECORD_FIELDS.map((f) => [f, establishmentRecord])),
    ...rulesFromGroups('Establishment', ESTABLISHMENT_PERSON_FIELD_GROUPS, operatorScope),
  },
  Inspection: byCommune('Inspection'),
  WaterSample: byCommune('WaterSample'),
  SamplingPoint: byCommune('SamplingPoint'),
  HygieneCampaign: byCommune('HygieneCampaign'),
  // Reached only through a guarded parent, or answers that hold no personal data.
  InspectionItem: allow,
  HygieneRequestEvent: allow,
  HygieneRequestTracking: allow,
  HygieneRequestStep: allow,
  FileHygieneRequestPayload: allow,
  HygieneStatistics: allow,
  RequestCount: allow,
  StandingCount: allow,
  Commune: allow,
  HygieneRequestConnection: allow,
  HygieneRequestEdge: allow,
  EstablishmentConnection: allow,
  EstablishmentEdge: allow,
  InspectionConnection: allow,
  InspectionEdge: allow,
  WaterSampleConnection: allow,
  WaterSampleEdge: allow,
  HygieneCampaignConnection: allow,
  HygieneCampaignEdge: allow,
  PageInfo: allow,
};
