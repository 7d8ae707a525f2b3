import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import {
  APPLICATION_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS,
  DOCUMENT_FIELD_GROUPS,
} from './document.groups.js';
import { applicationScope, citizenScope, documentScope } from './scope.js';

/** Built from the access policy: documents and applications are groups of the holder's record. */
export const permissions: IRules = {
  Query: {
    verifyDocument: allow,
    trackApplication: allow,
    procedures: allow,
    procedure: allow,
    document: isAuthenticated,
    application: isAuthenticated,
    applicationQueue: isAgent,
    documentStatistics: isMinistry,
    applicationStatistics: isMinistry,
    processingTimes: isMinistry,
  },
  Mutation: {
    submitApplication: isAgent,
    changeApplicationStatus: isAuthenticated,
    // The resolver lets only the counter's agents and the applicant through.
    reissueTrackingCode: isAuthenticated,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Document: rulesFromGroups('Document', DOCUMENT_FIELD_GROUPS, documentScope),
  Application: rulesFromGroups('Application', APPLICATION_FIELD_GROUPS, applicationScope),
  // Reached only through Application.history, itself guarded by the APPLICATIONS group.
  ApplicationEvent: allow,
  Commune: allow,
  DocumentVerification: allow,
  ApplicationTracking: allow,
  TrackingCodePayload: allow,
  Procedure: allow,
  DeliveredCount: allow,
  StatusCount: allow,
  ProcessingTime: allow,
  SubmitApplicationPayload: allow,
  ApplicationConnection: allow,
  ApplicationEdge: allow,
  DocumentConnection: allow,
  DocumentEdge: allow,
  PageInfo: allow,
};
