import {
  bigserial,
  char,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { consultationsTable } from './consultations.js';
import { idempotencyTable } from './idempotency.js';
import { publicLookupsTable, rateLimitTable } from './public-lookups.js';
import { serialsTable } from './serials.js';

/** Vehicle registration: vehicles, owners over time, electronic registration cards. */
export const vehiclesSchema = pgSchema('vehicles');

export const VEHICLE_CATEGORIES = [
  'TOURISM',
  'TRUCK',
  'VAN',
  'BUS',
  'ROAD_TRACTOR',
  'AGRICULTURAL_TRACTOR',
  'SPECIAL',
  'TRAILER',
  'MOTORCYCLE',
] as const;
export const ENERGIES = ['PETROL', 'DIESEL', 'LPG', 'ELECTRIC', 'HYBRID'] as const;

export const vehicles = vehiclesSchema.table(
  'vehicles',
  {
    vin: char('vin', { length: 17 }).primaryKey(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    category: text('category', { enum: VEHICLE_CATEGORIES }).notNull(),
    energy: text('energy', { enum: ENERGIES }).notNull(),
    year: integer('year').notNull(),
    firstRegistrationDate: date('first_registration_date', { mode: 'string' }).notNull(),
    plate: text('plate').notNull(),
    wilayaCode: char('wilaya_code', { length: 2 }).notNull(),
    status: text('status', { enum: ['ACTIVE', 'STOLEN', 'SCRAPPED'] }).notNull(),
    ownerNin: char('owner_nin', { length: 18 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vehicles_plate_idx').on(t.plate),
    index('vehicles_owner_idx').on(t.ownerNin),
    index('vehicles_wilaya_idx').on(t.wilayaCode, t.vin),
  ],
);

/** Who owned a vehicle and when; the open row (no end date) is the current owner. */
export const ownerships = vehiclesSchema.table(
  'ownerships',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    vin: char('vin', { length: 17 }).notNull(),
    ownerNin: char('owner_nin', { length: 18 }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('ownerships_vin_idx').on(t.vin, t.id),
    index('ownerships_owner_idx').on(t.ownerNin),
  ],
);

/** Electronic registration cards (cartes grises); a transfer closes one and issues the next. */
export const registrationCards = vehiclesSchema.table(
  'registration_cards',
  {
    number: text('number').primaryKey(),
    vin: char('vin', { length: 17 }).notNull(),
    holderNin: char('holder_nin', { length: 18 }).notNull(),
    plate: text('plate').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    closedDate: date('closed_date', { mode: 'string' }),
    status: text('status', { enum: ['VALID', 'CLOSED'] }).notNull(),
  },
  (t) => [index('cards_vin_idx').on(t.vin, t.issueDate)],
);

/** Stolen and recovered reports. */
export const statusEvents = vehiclesSchema.table(
  'status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    vin: char('vin', { length: 17 }).notNull(),
    status: text('status').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('status_events_vin_idx').on(t.vin, t.id)],
);

export const serials = serialsTable(vehiclesSchema);
export const idempotencyKeys = idempotencyTable(vehiclesSchema);
export const consultations = consultationsTable(vehiclesSchema);
export const rateLimits = rateLimitTable(vehiclesSchema);
export const publicLookups = publicLookupsTable(vehiclesSchema);
