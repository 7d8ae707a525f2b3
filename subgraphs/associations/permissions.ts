import { allow } from 'graphql-shield';
import { canReadCommuneRecord, rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, type IRules } from '../kit/shield.js';
import { FILE_PURPOSES } from './access.js';
import {
  ASSOCIATION_RECORD_FIELDS,
  BOARD_MEMBER_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS,
  FOUNDER_FIELD_GROUPS,
} from './association.groups.js';
import type { AssociationRecord } from './association.type.js';
import { citizenScope, founderScope, seatScope } from './scope.js';

const file = canReadCommuneRecord<AssociationRecord>(
  'Association',
  FILE_PURPOSES,
  (a) => a.communeCode,
);

/**
 * Built from the access policy: founders and board seats are the ASSOCIATIONS group (a
 * consultation logged per NIN); an association's file is its commune's service's; the
 * public registry holds no personal data and needs no token.
 */
export const permissions: IRules = {
  Query: {
    association: isAuthenticated,
    associations: isAgent,
    associationRegistry: allow,
    associationStatistics: isAuthenticated,
  },
  Mutation: {
    declareAssociation: isAgent,
    decideAssociation: isAgent,
    renewAssociationBoard: isAgent,
    grantAssociationSubsidy: isAgent,
    recordAnnualReport: isAgent,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Association: Object.fromEntries(ASSOCIATION_RECORD_FIELDS.map((f) => [f, file])),
  Founder: rulesFromGroups('Founder', FOUNDER_FIELD_GROUPS, founderScope),
  BoardMember: rulesFromGroups('BoardMember', BOARD_MEMBER_FIELD_GROUPS, seatScope),
  // Public: the registry, figures (the resolver decides who), payloads of guarded types.
  PublicAssociation: allow,
  PublicAssociationConnection: allow,
  PublicAssociationEdge: allow,
  AssociationStatistics: allow,
  AssociationCount: allow,
  AssociationPayload: allow,
  AssociationEvent: allow,
  AssociationConnection: allow,
  AssociationEdge: allow,
  BoardMemberConnection: allow,
  BoardMemberEdge: allow,
  // Reached only through an association's file, or answering the service that made them.
  Subsidy: allow,
  SubsidyConnection: allow,
  SubsidyEdge: allow,
  AnnualReport: allow,
  AnnualReportConnection: allow,
  AnnualReportEdge: allow,
  SubsidyYear: allow,
  Commune: allow,
  PageInfo: allow,
};
