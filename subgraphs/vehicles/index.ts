import 'reflect-metadata';
import { consultations } from '../../db/tables/vehicles.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { createLoaders, type VehiclesLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import {
  CitizenVehiclesResolver,
  OwnershipResolver,
  RegistrationCardResolver,
  VehicleResolver,
  WilayaVehiclesResolver,
} from './vehicle.resolver.js';

/** Vehicles, plates, electronic registration cards (cartes grises) and transfers of ownership. */
export const vehiclesSubgraph: SubgraphDefinition<VehiclesLoaders> = {
  name: 'vehicles',
  defaultPort: 4004,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      VehicleResolver,
      OwnershipResolver,
      RegistrationCardResolver,
      CitizenVehiclesResolver,
      WilayaVehiclesResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
};
