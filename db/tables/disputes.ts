import {
  bigint,
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
import { serialsTable } from './serials.js';

/** The cases (contentieux) in which a commune is plaintiff or defendant. */
export const disputesSchema = pgSchema('disputes');

export const CASE_STATUSES = [
  'OPEN',
  'JUDGED',
  'APPEALED',
  'CLOSED',
  'SETTLED',
  'WITHDRAWN',
] as const;
export const COURT_LEVELS = ['FIRST_INSTANCE', 'APPEAL', 'COUNCIL_OF_STATE'] as const;
export const CASE_SUBJECTS = [
  'LEASE_ARREARS',
  'CONTRACT',
  'EXPROPRIATION',
  'EMPLOYMENT',
  'URBAN_PLANNING',
  'LIABILITY',
] as const;
export const PARTY_KINDS = ['CITIZEN', 'COMPANY', 'ADMINISTRATION'] as const;
export const DECISIONS = ['WON', 'LOST', 'PARTLY_WON'] as const;

export const cases = disputesSchema.table(
  'cases',
  {
    number: text('number').primaryKey(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    role: text('role', { enum: ['PLAINTIFF', 'DEFENDANT'] }).notNull(),
    court: text('court').notNull(),
    level: text('level', { enum: COURT_LEVELS }).notNull(),
    subject: text('subject', { enum: CASE_SUBJECTS }).notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    partyNin: char('party_nin', { length: 18 }),
    partyNif: char('party_nif', { length: 15 }),
    partyName: text('party_name'),
    lawyer: text('lawyer').notNull(),
    amountClaimedCentimes: bigint('amount_claimed_centimes', { mode: 'number' }).notNull(),
    leaseNumber: text('lease_number'),
    noticeNumber: text('notice_number'),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    judgmentDate: date('judgment_date', { mode: 'string' }),
    decision: text('decision', { enum: DECISIONS }),
    amountAwardedCentimes: bigint('amount_awarded_centimes', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_commune_idx').on(t.communeCode, t.number),
    index('cases_party_idx').on(t.partyNin, t.number),
    index('cases_lease_idx').on(t.leaseNumber),
    // One case per formal notice: opening it twice is refused.
    uniqueIndex('cases_notice_idx').on(t.noticeNumber),
  ],
);

export const hearings = disputesSchema.table(
  'hearings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseNumber: text('case_number').notNull(),
    level: text('level', { enum: COURT_LEVELS }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('hearings_case_idx').on(t.caseNumber, t.date)],
);

/** Every step of every case, kept: the status it left, the one it reached, who and when. */
export const caseEvents = disputesSchema.table(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseNumber: text('case_number').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    level: text('level', { enum: COURT_LEVELS }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
  },
  (t) => [index('case_events_case_idx').on(t.caseNumber, t.id)],
);

export const serials = serialsTable(disputesSchema);
export const idempotencyKeys = idempotencyTable(disputesSchema);
export const consultations = consultationsTable(disputesSchema);
