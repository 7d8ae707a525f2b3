import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import {
  cardsOf,
  ownershipsOf,
  vehicleCounts,
  vehiclesByOwners,
  vehiclesByPlates,
  vehiclesByVins,
} from './queries.js';
import type { CardRecord, OwnershipRecord, VehicleRecord } from './vehicle.type.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    vehicleByVin: new DataLoader<string, VehicleRecord | null>(async (vins) =>
      byKey(vins, await vehiclesByVins(db, vins), (v) => v.vin),
    ),
    vehicleByPlate: new DataLoader<string, VehicleRecord | null>(async (plates) =>
      byKey(plates, await vehiclesByPlates(db, plates), (v) => v.plate),
    ),
    vehiclesByOwner: new DataLoader<string, VehicleRecord[]>(async (nins) =>
      groupBy(nins, await vehiclesByOwners(db, nins), (v) => v.ownerNin),
    ),
    ownershipsByVin: new DataLoader<string, OwnershipRecord[]>(async (vins) =>
      groupBy(vins, await ownershipsOf(db, vins), (o) => o.vin),
    ),
    cardsByVin: new DataLoader<string, CardRecord[]>(async (vins) =>
      groupBy(vins, await cardsOf(db, vins), (c) => c.vin),
    ),
    vehicleCountByWilaya: new DataLoader<string, number>(async (codes) => {
      const counts = new Map((await vehicleCounts(db, codes)).map((r) => [r.wilayaCode, r.n]));
      return codes.map((c) => counts.get(c) ?? 0);
    }),
  };
}

export type VehiclesLoaders = ReturnType<typeof createLoaders>;
