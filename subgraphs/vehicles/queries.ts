import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  idempotencyKeys,
  ownerships,
  registrationCards,
  serials,
  statusEvents,
  vehicles,
  publicLookups,
  rateLimits,
} from '../../db/tables/vehicles.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { keyParts, type Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { PublicLookupStore } from '../kit/public-lookup.js';
import { MAX_PLATE_SERIAL, formatPlate, plateSeries, type CategoryName } from './identifiers.js';
import type { CardRecord, OwnershipRecord, VehicleRecord } from './vehicle.type.js';

/** Where stolenCheck keeps its rate counters and lookup log. */
export const lookupStore: PublicLookupStore = { limits: rateLimits, log: publicLookups };

export async function vehiclesByVins(db: Db, vins: readonly string[]): Promise<VehicleRecord[]> {
  return (await db
    .select()
    .from(vehicles)
    .where(inArray(vehicles.vin, [...vins]))) as VehicleRecord[];
}

export async function vehiclesByPlates(
  db: Db,
  plates: readonly string[],
): Promise<VehicleRecord[]> {
  return (await db
    .select()
    .from(vehicles)
    .where(inArray(vehicles.plate, [...plates]))) as VehicleRecord[];
}

/** One page of the vehicles each owner holds now, in plate order. */
export async function vehiclesByOwners(
  db: Db,
  nins: readonly string[],
  page: Page,
): Promise<VehicleRecord[]> {
  return (await pagePerParent(db, {
    table: vehicles,
    parent: vehicles.ownerNin,
    parents: nins,
    orderBy: [asc(vehicles.plate)],
    after: page.after !== null ? gt(vehicles.plate, page.after) : undefined,
    limit: page.limit,
    name: 'vehicles_of_owners',
  })) as VehicleRecord[];
}

/** One page of each vehicle's owners, oldest first. */
export async function ownershipsOf(
  db: Db,
  vins: readonly string[],
  page: Page,
): Promise<OwnershipRecord[]> {
  const after = page.after === null ? null : Number(page.after);
  if (after !== null && !Number.isSafeInteger(after)) return [];
  return pagePerParent(db, {
    table: ownerships,
    parent: ownerships.vin,
    parents: vins,
    orderBy: [asc(ownerships.id)],
    after: after !== null ? gt(ownerships.id, after) : undefined,
    limit: page.limit,
  });
}

/** One page of each vehicle's registration cards, oldest first (issue date, then number). */
export async function cardPagesOf(
  db: Db,
  vins: readonly string[],
  page: Page,
): Promise<CardRecord[]> {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: registrationCards,
    parent: registrationCards.vin,
    parents: vins,
    orderBy: [asc(registrationCards.issueDate), asc(registrationCards.number)],
    after: after
      ? sql`(${registrationCards.issueDate}, ${registrationCards.number}) > (${after[0]}::date, ${after[1]})`
      : undefined,
    limit: page.limit,
  })) as CardRecord[];
}

/** Every card of each vehicle, oldest first: a registration's answer picks its new card. */
export async function cardsOf(db: Db, vins: readonly string[]): Promise<CardRecord[]> {
  return (await db
    .select()
    .from(registrationCards)
    .where(inArray(registrationCards.vin, [...vins]))
    .orderBy(asc(registrationCards.issueDate), asc(registrationCards.number))) as CardRecord[];
}

export async function vehicleCounts(
  db: Db,
  wilayaCodes: readonly string[],
): Promise<{ wilayaCode: string; n: number }[]> {
  const rows = await db
    .select({ wilayaCode: vehicles.wilayaCode, n: sql<number>`count(*)` })
    .from(vehicles)
    .where(and(inArray(vehicles.wilayaCode, [...wilayaCodes]), eq(vehicles.status, 'ACTIVE')))
    .groupBy(vehicles.wilayaCode);
  return rows.map((r) => ({ wilayaCode: r.wilayaCode, n: Number(r.n) }));
}

export async function vehiclesOfWilaya(
  db: Db,
  wilayaCode: string,
  filter: { category?: string | null; year?: number | null; status?: string | null },
  page: Page,
): Promise<VehicleRecord[]> {
  return (await db
    .select()
    .from(vehicles)
    .where(
      and(
        eq(vehicles.wilayaCode, wilayaCode),
        filter.category
          ? eq(vehicles.category, filter.category as VehicleRecord['category'])
          : undefined,
        filter.year ? eq(vehicles.year, filter.year) : undefined,
        filter.status ? eq(vehicles.status, filter.status as VehicleRecord['status']) : undefined,
        page.after ? gt(vehicles.vin, page.after) : undefined,
      ),
    )
    .orderBy(asc(vehicles.vin))
    .limit(page.limit)) as VehicleRecord[];
}

async function issueCard(
  tx: Tx,
  vin: string,
  holderNin: string,
  plate: string,
  wilayaCode: string,
  date: string,
) {
  const number = `CG-${wilayaCode}-${String(await nextSerial(tx, serials, `card:${wilayaCode}`)).padStart(8, '0')}`;
  const card = {
    number,
    vin,
    holderNin,
    plate,
    issueDate: date,
    closedDate: null,
    status: 'VALID' as const,
  };
  await tx.insert(registrationCards).values(card);
  return card;
}

export class VehicleRefused extends Error {
  constructor(
    readonly code:
      | 'VIN_ALREADY_REGISTERED'
      | 'PLATE_SERIES_EXHAUSTED'
      | 'NOT_CURRENT_OWNER'
      | 'VEHICLE_STOLEN'
      | 'VEHICLE_SCRAPPED'
      | 'VEHICLE_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

export interface NewVehicle {
  vin: string;
  make: string;
  model: string;
  category: CategoryName;
  energy: VehicleRecord['energy'];
  year: number;
  ownerNin: string;
  wilayaCode: string;
  date: string;
}

/** The earlier result of a retried registration or transfer, found before the registry is consulted again. */
export function replayedRegistration(db: Db, request: IdempotentRequest) {
  return findReplay<{ vin: string; card: string }>(db, idempotencyKeys, request);
}

/**
 * Registers a vehicle: the plate serial comes from a counter row updated in the same
 * transaction (so two registrations never get the same plate), and the first card.
 */
export async function registerVehicle(
  db: Db,
  v: NewVehicle,
  request: IdempotentRequest,
): Promise<{ vin: string; card: string; replayed: boolean }> {
  const { result, replayed } = await idempotent(db, idempotencyKeys, request, async (tx) => {
    const [existing] = await tx
      .select({ vin: vehicles.vin })
      .from(vehicles)
      .where(eq(vehicles.vin, v.vin));
    if (existing)
      throw new VehicleRefused('VIN_ALREADY_REGISTERED', `vehicle ${v.vin} is already registered`);
    const year = Number(v.date.slice(0, 4));
    const serial = await nextSerial(tx, serials, plateSeries(v.category, year, v.wilayaCode));
    if (serial > MAX_PLATE_SERIAL) {
      throw new VehicleRefused(
        'PLATE_SERIES_EXHAUSTED',
        `no plate left in series ${v.category} ${year} of wilaya ${v.wilayaCode}`,
      );
    }
    const plate = formatPlate(serial, v.category, year, v.wilayaCode);
    await tx.insert(vehicles).values({
      vin: v.vin,
      make: v.make,
      model: v.model,
      category: v.category,
      energy: v.energy,
      year: v.year,
      firstRegistrationDate: v.date,
      plate,
      wilayaCode: v.wilayaCode,
      status: 'ACTIVE',
      ownerNin: v.ownerNin,
    });
    await tx.insert(ownerships).values({ vin: v.vin, ownerNin: v.ownerNin, fromDate: v.date });
    const card = await issueCard(tx, v.vin, v.ownerNin, plate, v.wilayaCode, v.date);
    return { vin: v.vin, card: card.number };
  });
  return { ...result, replayed };
}

/**
 * A sale in one transaction: the vehicle row is locked, the seller re-checked, the old
 * ownership and card closed, the new ones opened. Any refusal rolls everything back.
 */
export async function transferOwnership(
  db: Db,
  t: { vin: string; sellerNin: string; buyerNin: string; date: string },
  request: IdempotentRequest,
): Promise<{ vin: string; card: string; replayed: boolean }> {
  const { result, replayed } = await idempotent(db, idempotencyKeys, request, async (tx) => {
    const [v] = await tx.select().from(vehicles).where(eq(vehicles.vin, t.vin)).for('update');
    if (!v) throw new VehicleRefused('VEHICLE_NOT_FOUND', `no vehicle with VIN ${t.vin}`);
    if (v.status === 'STOLEN')
      throw new VehicleRefused(
        'VEHICLE_STOLEN',
        'this vehicle is reported stolen: it cannot change hands',
      );
    if (v.status === 'SCRAPPED')
      throw new VehicleRefused(
        'VEHICLE_SCRAPPED',
        'this vehicle is scrapped: it cannot change hands',
      );
    if (v.ownerNin !== t.sellerNin)
      throw new VehicleRefused(
        'NOT_CURRENT_OWNER',
        'the seller is not the current owner of this vehicle',
      );
    await tx
      .update(ownerships)
      .set({ toDate: t.date })
      .where(and(eq(ownerships.vin, t.vin), isNull(ownerships.toDate)));
    await tx.insert(ownerships).values({ vin: t.vin, ownerNin: t.buyerNin, fromDate: t.date });
    await tx
      .update(registrationCards)
      .set({ status: 'CLOSED', closedDate: t.date })
      .where(and(eq(registrationCards.vin, t.vin), eq(registrationCards.status, 'VALID')));
    const card = await issueCard(tx, t.vin, t.buyerNin, v.plate, v.wilayaCode, t.date);
    await tx
      .update(vehicles)
      .set({ ownerNin: t.buyerNin, version: sql`${vehicles.version} + 1` })
      .where(eq(vehicles.vin, t.vin));
    return { vin: t.vin, card: card.number };
  });
  return { ...result, replayed };
}

/** The latest ownership start of a vehicle, to refuse a sale dated before it. */
export async function currentOwnershipStart(db: Db, vin: string): Promise<string | null> {
  const [row] = await db
    .select({ fromDate: ownerships.fromDate })
    .from(ownerships)
    .where(and(eq(ownerships.vin, vin), isNull(ownerships.toDate)))
    .orderBy(desc(ownerships.id))
    .limit(1);
  return row?.fromDate ?? null;
}

export async function setStatus(
  db: Db,
  vin: string,
  status: 'ACTIVE' | 'STOLEN',
  actor: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(vehicles)
      .set({ status, version: sql`${vehicles.version} + 1` })
      .where(
        and(
          eq(vehicles.vin, vin),
          status === 'STOLEN' ? eq(vehicles.status, 'ACTIVE') : eq(vehicles.status, 'STOLEN'),
        ),
      )
      .returning({ vin: vehicles.vin });
    if (updated.length === 0) return false;
    await tx.insert(statusEvents).values({ vin, status, actor, at: new Date().toISOString() });
    return true;
  });
}
