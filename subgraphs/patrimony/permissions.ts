import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, type IRules } from '../kit/shield.js';
import { CITIZEN_FIELD_GROUPS, LEASE_FIELD_GROUPS, NOTICE_FIELD_GROUPS } from './lease.groups.js';
import { citizenScope, leaseScope, noticeScope } from './scope.js';

/**
 * Built from the access policy: leases and notices are the tenant's LEASES group, within
 * the commune that signed them. Assets and figures hold no personal data: any
 * authenticated caller reads them; an anonymous caller reads only what a commune offers
 * for rent (assetsForRent): what each asset is and where, not its value, leases or costs.
 */
export const permissions: IRules = {
  Query: {
    asset: isAuthenticated,
    assets: isAuthenticated,
    assetsForRent: allow,
    lease: isAuthenticated,
    leases: isAuthenticated,
    formalNotice: isAuthenticated,
    patrimonyFigures: isAuthenticated,
  },
  // Agents only; each mutation then asks the policy for the patrimony service's purpose
  // and checks the record's commune against the agent's.
  Mutation: {
    registerAsset: isAgent,
    recordExpense: isAgent,
    signLease: isAgent,
    recordPayment: isAgent,
    endLease: isAgent,
    issueFormalNotice: isAgent,
  },
  Asset: {
    inventoryNumber: allow,
    commune: allow,
    category: allow,
    productive: allow,
    name: allow,
    address: allow,
    surfaceSquareMetres: allow,
    acquisitionDate: allow,
    legalStatus: allow,
    condition: allow,
    occupied: allow,
    acquisitionValue: isAuthenticated,
    expenses: isAuthenticated,
    leases: isAuthenticated,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  LeaseContract: rulesFromGroups('LeaseContract', LEASE_FIELD_GROUPS, leaseScope),
  FormalNotice: rulesFromGroups('FormalNotice', NOTICE_FIELD_GROUPS, noticeScope),
  // Reached only through a guarded parent (a lease's fields, an asset's expenses) or a
  // mutation's answer; they carry nothing of their own to guard.
  Arrears: allow,
  Payment: allow,
  Company: allow,
  Expense: allow,
  Money: allow,
  FormalNoticePayload: allow,
  // No personal data.
  Commune: allow,
  PatrimonyFigures: allow,
  CategoryYear: allow,
  AssetYear: allow,
  AssetConnection: allow,
  AssetEdge: allow,
  LeaseContractConnection: allow,
  LeaseContractEdge: allow,
  PaymentConnection: allow,
  PaymentEdge: allow,
  PageInfo: allow,
};
