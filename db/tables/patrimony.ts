import {
  bigint,
  bigserial,
  boolean,
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
import { outboxTable } from './outbox.js';
import { serialsTable } from './serials.js';

/**
 * A commune's patrimony: its assets, the leases of the productive ones, rents received,
 * expenses, formal notices to tenants in arrears. Money is in centimes (bigint), never a
 * float; arrears are not stored: they follow from the leases and the payments.
 */
export const patrimonySchema = pgSchema('patrimony');

export const PRODUCTIVE_CATEGORIES = [
  'COMMERCIAL_PREMISES',
  'MARKET_STALL',
  'KIOSK',
  'SLAUGHTERHOUSE',
  'PARKING',
  'HOUSING',
  'LAND',
] as const;
export const NON_PRODUCTIVE_CATEGORIES = [
  'TOWN_HALL',
  'SCHOOL_BUILDING',
  'ROAD',
  'GREEN_SPACE',
  'SPORTS_GROUND',
  'CEMETERY',
  'MOSQUE',
  'YOUTH_CENTRE',
] as const;
export const ASSET_CATEGORIES = [...PRODUCTIVE_CATEGORIES, ...NON_PRODUCTIVE_CATEGORIES] as const;
export const LEGAL_STATUSES = ['PUBLIC_DOMAIN', 'PRIVATE_DOMAIN'] as const;
export const CONDITIONS = ['GOOD', 'FAIR', 'POOR', 'DERELICT'] as const;
export const LEASE_STATUSES = ['ACTIVE', 'ENDED', 'TERMINATED'] as const;
export const EXPENSE_KINDS = ['MAINTENANCE', 'WORKS', 'INSURANCE', 'UTILITIES', 'TAXES'] as const;

export const assets = patrimonySchema.table(
  'assets',
  {
    inventoryNumber: text('inventory_number').primaryKey(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    category: text('category', { enum: ASSET_CATEGORIES }).notNull(),
    productive: boolean('productive').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    surfaceSquareMetres: integer('surface_m2').notNull(),
    acquisitionDate: date('acquisition_date', { mode: 'string' }).notNull(),
    acquisitionValueCentimes: bigint('acquisition_value_centimes', { mode: 'number' }).notNull(),
    legalStatus: text('legal_status', { enum: LEGAL_STATUSES }).notNull(),
    condition: text('condition', { enum: CONDITIONS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assets_commune_idx').on(t.communeCode, t.inventoryNumber)],
);

/** A lease of a productive asset to a citizen (NIN) or a company (NIF). */
export const leases = patrimonySchema.table(
  'leases',
  {
    number: text('number').primaryKey(),
    assetInventoryNumber: text('asset_inventory_number').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    tenantNin: char('tenant_nin', { length: 18 }),
    tenantNif: char('tenant_nif', { length: 15 }),
    tenantName: text('tenant_name'),
    tenantPhone: text('tenant_phone').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    monthlyRentCentimes: bigint('monthly_rent_centimes', { mode: 'number' }).notNull(),
    depositCentimes: bigint('deposit_centimes', { mode: 'number' }).notNull(),
    status: text('status', { enum: LEASE_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leases_commune_idx').on(t.communeCode, t.number),
    index('leases_asset_idx').on(t.assetInventoryNumber, t.startDate),
    index('leases_tenant_idx').on(t.tenantNin, t.number),
  ],
);

/** Rent received, each with its receipt. */
export const payments = patrimonySchema.table(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leaseNumber: text('lease_number').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_receipt_idx').on(t.receiptNumber),
    index('payments_lease_idx').on(t.leaseNumber, t.paidOn),
  ],
);

/** What an asset costs the commune: maintenance, works, insurance… */
export const expenses = patrimonySchema.table(
  'expenses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assetInventoryNumber: text('asset_inventory_number').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    kind: text('kind', { enum: EXPENSE_KINDS }).notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expenses_asset_idx').on(t.assetInventoryNumber, t.spentOn),
    index('expenses_commune_idx').on(t.communeCode, t.spentOn),
  ],
);

/** Formal notices (mises en demeure): at most one per lease and period (a month). */
export const formalNotices = patrimonySchema.table(
  'formal_notices',
  {
    number: text('number').primaryKey(),
    leaseNumber: text('lease_number').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    period: char('period', { length: 7 }).notNull(),
    amountDueCentimes: bigint('amount_due_centimes', { mode: 'number' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    issuedBy: text('issued_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notices_lease_period_idx').on(t.leaseNumber, t.period)],
);

export const serials = serialsTable(patrimonySchema);
export const idempotencyKeys = idempotencyTable(patrimonySchema);
export const consultations = consultationsTable(patrimonySchema);
export const outbox = outboxTable(patrimonySchema);
