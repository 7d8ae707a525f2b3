import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { consultationsTable } from './consultations.js';
import { idempotencyTable } from './idempotency.js';
import { serialsTable } from './serials.js';

/** The communes' registry of local associations (law 12-06 on associations). */
export const associationsSchema = pgSchema('associations');

export const ASSOCIATION_DOMAINS = [
  'CULTURE',
  'SPORT',
  'SOCIAL',
  'YOUTH',
  'ENVIRONMENT',
  'RELIGIOUS',
  'PROFESSIONAL',
  'SCIENTIFIC',
  'CHARITY',
  'NEIGHBOURHOOD',
] as const;
export const ASSOCIATION_STATUSES = [
  'DECLARED',
  'REGISTERED',
  'REFUSED',
  'SUSPENDED',
  'DISSOLVED',
] as const;
export const BOARD_ROLES = ['PRESIDENT', 'SECRETARY_GENERAL', 'TREASURER', 'MEMBER'] as const;

export const associations = associationsSchema.table(
  'associations',
  {
    id: text('id').primaryKey(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar').notNull(),
    /** Lower-case, accents and spaces folded: what uniqueness and search compare. */
    nameKey: text('name_key').notNull(),
    nameArKey: text('name_ar_key').notNull(),
    domain: text('domain', { enum: ASSOCIATION_DOMAINS }).notNull(),
    seat: text('seat').notNull(),
    statutes: text('statutes').notNull(),
    status: text('status', { enum: ASSOCIATION_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    /** The end of the legal delay within which the commune must register or refuse. */
    decisionDue: date('decision_due', { mode: 'string' }).notNull(),
    registrationNumber: text('registration_number'),
    registeredOn: date('registered_on', { mode: 'string' }),
    refusalReason: text('refusal_reason'),
    declaredBy: text('declared_by').notNull(),
  },
  (t) => [
    index('associations_commune_idx').on(t.communeCode, t.id),
    // One living association per name and commune; a refused or dissolved one frees its name.
    uniqueIndex('associations_name_idx')
      .on(t.communeCode, t.nameKey)
      .where(sql`status not in ('REFUSED', 'DISSOLVED')`),
  ],
);

export const founders = associationsSchema.table(
  'founders',
  {
    associationId: text('association_id').notNull(),
    nin: char('nin', { length: 18 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.nin] }), index('founders_nin_idx').on(t.nin)],
);

/** Board members per board: board 1 is the founding one; each renewal opens the next. */
export const boardMembers = associationsSchema.table(
  'board_members',
  {
    associationId: text('association_id').notNull(),
    board: integer('board').notNull(),
    nin: char('nin', { length: 18 }).notNull(),
    role: text('role', { enum: BOARD_ROLES }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.board, t.nin] }),
    index('board_members_nin_idx').on(t.nin),
  ],
);

export const generalAssemblies = associationsSchema.table(
  'general_assemblies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    associationId: text('association_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['ORDINARY', 'EXTRAORDINARY', 'ELECTIVE'] }).notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [index('general_assemblies_association_idx').on(t.associationId, t.heldOn)],
);

export const annualReports = associationsSchema.table(
  'annual_reports',
  {
    associationId: text('association_id').notNull(),
    year: integer('year').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.year] })],
);

export const subsidies = associationsSchema.table(
  'subsidies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    associationId: text('association_id').notNull(),
    year: integer('year').notNull(),
    /** In dinars. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('subsidies_association_idx').on(t.associationId, t.year)],
);

/** Every status change: declared, registered, refused (with the reason), suspended, dissolved. */
export const associationEvents = associationsSchema.table(
  'association_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    associationId: text('association_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('association_events_association_idx').on(t.associationId, t.id)],
);

export const serials = serialsTable(associationsSchema);
export const idempotencyKeys = idempotencyTable(associationsSchema);
export const consultations = consultationsTable(associationsSchema);
