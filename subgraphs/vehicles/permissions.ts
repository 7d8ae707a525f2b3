import { allow } from 'graphql-shield';
import { rulesFromGroups } from '../kit/access.js';
import { isAgent, isAuthenticated, type IRules } from '../kit/shield.js';
import {
  CARD_FIELD_GROUPS,
  CITIZEN_FIELD_GROUPS,
  OWNERSHIP_FIELD_GROUPS,
  VEHICLE_FIELD_GROUPS,
} from './vehicle.groups.js';
import { cardScope, citizenScope, ownershipScope, vehicleScope } from './scope.js';

/** Built from the access policy: a vehicle belongs to its owner's VEHICLES group. */
export const permissions: IRules = {
  Query: {
    vehicle: isAuthenticated,
    vehicleByPlate: isAuthenticated,
    vehicles: isAuthenticated,
    stolenCheck: allow,
  },
  Mutation: {
    registerVehicle: isAgent,
    transferOwnership: isAgent,
    reportVehicleStolen: isAuthenticated,
    reportVehicleRecovered: isAuthenticated,
  },
  // Reached only through the Citizen field of the HISTORY group.
  HistoryItem: allow,
  Citizen: rulesFromGroups('Citizen', CITIZEN_FIELD_GROUPS, citizenScope),
  Vehicle: rulesFromGroups('Vehicle', VEHICLE_FIELD_GROUPS, vehicleScope),
  Ownership: rulesFromGroups('Ownership', OWNERSHIP_FIELD_GROUPS, ownershipScope),
  RegistrationCard: rulesFromGroups('RegistrationCard', CARD_FIELD_GROUPS, cardScope),
  // Public aggregate and public check: no personal data.
  Wilaya: allow,
  StolenCheck: allow,
  RegistrationPayload: allow,
  VehicleConnection: allow,
  VehicleEdge: allow,
  OwnershipConnection: allow,
  OwnershipEdge: allow,
  RegistrationCardConnection: allow,
  RegistrationCardEdge: allow,
  PageInfo: allow,
};
