import { isNamed, personScope, type ScopeOf } from '../kit/access.js';
import type { Citizen } from './citizen.type.js';
import type { CardRecord, OwnershipRecord, VehicleRecord } from './vehicle.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/** A vehicle belongs to its current owner; looked up by VIN, plate or its owner's NIN, it is named. */
export const vehicleScope: ScopeOf<VehicleRecord> = (v, ctx) => ({
  nin: v.ownerNin,
  named: isNamed(ctx, v.vin, v.plate, v.ownerNin),
});

/** A past or present ownership belongs to that owner, not to the vehicle's current one. */
export const ownershipScope: ScopeOf<OwnershipRecord> = (o, ctx) => ({
  nin: o.ownerNin,
  named: isNamed(ctx, o.ownerNin),
});

export const cardScope: ScopeOf<CardRecord> = (c, ctx) => ({
  nin: c.holderNin,
  named: isNamed(ctx, c.number, c.holderNin),
});
