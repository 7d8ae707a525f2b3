import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import {
  cardPagesOf,
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
    vehiclesByOwner: pagePerParentLoader(
      (nins, page) => vehiclesByOwners(db, nins, page),
      (v) => v.ownerNin,
    ),
    ownershipsByVin: pagePerParentLoader(
      (vins, page) => ownershipsOf(db, vins, page),
      (o) => o.vin,
    ),
    cardPagesByVin: pagePerParentLoader(
      (vins, page) => cardPagesOf(db, vins, page),
      (c) => c.vin,
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
