import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, type IRules } from '../kit/shield.js';
import { CASE_FIELD_GROUPS, CITIZEN_FIELD_GROUPS } from './case.groups.js';
import { caseScope, citizenScope } from './scope.js';

/**
 * Built from the access policy: a case is its opposing party's CASES group, within the
 * commune that is a party. Figures hold no personal data: any authenticated caller. No
 * anonymous access: a commune's litigation is not published here.
 */
export const permissions: IRules = {
  Query: { case: isAuthenticated, cases: isAuthenticated, disputesFigures: isAuthenticated },
  // Agents only; each mutation then asks the policy for the legal-affairs purpose.
  Mutation: {
    openCase: isAgent,
    openCaseFromNotice: isAgent,
    recordHearing: isAgent,
    recordJudgment: isAgent,
    moveCase: isAgent,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Case: rulesFromGroups('Case', CASE_FIELD_GROUPS, caseScope),
  // The list filters each case by its own scope; the number is the key the lease came with.
  LeaseContract: { number: allow, cases: isAuthenticated },
  // Reached only through a guarded case field.
  Hearing: allow,
  CaseEvent: allow,
  Money: allow,
  Commune: allow,
  DisputesFigures: allow,
  CaseConnection: allow,
  CaseEdge: allow,
  PageInfo: allow,
};
