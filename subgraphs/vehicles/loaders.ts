import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import {
  cardsOf,
  ownershipsOf,
  vehicleCounts,
  vehiclesByOwners,
  vehiclesByPlates,
  vehiclesByVins,
} from './queries.js';
import type { CardRecord, OwnershipRecord, VehicleRecord } from './vehicle.type.js';

function groupBy<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): V[][] {
  const map = new Map<string, V[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => map.get(k) ?? []);
}

function byKey<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

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
