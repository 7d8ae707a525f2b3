import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import type { ApplicationRecord } from './application.type.js';
import type { Citizen } from './citizen.type.js';
import {
  APPLICATION_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS,
  DOCUMENT_FIELD_GROUPS,
} from './document.groups.js';
import type { DocumentRecord } from './document.type.js';

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
  Citizen: rulesFromGroups<Citizen>('Citizen', CITIZEN_FIELD_GROUPS, (c) => c.nin),
  Document: rulesFromGroups<DocumentRecord>('Document', DOCUMENT_FIELD_GROUPS, (d) => d.holderNin),
  Application: rulesFromGroups<ApplicationRecord>(
    'Application',
    APPLICATION_FIELD_GROUPS,
    (a) => a.nin,
  ),
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
  PageInfo: allow,
};
