import { sql } from 'drizzle-orm';
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
import { outboxTable } from './outbox.js';
import { publicLookupsTable, rateLimitTable } from './public-lookups.js';
import { serialsTable } from './serials.js';

/** Secure documents and the applications taken at commune counters (guichet électronique). */
export const documentsSchema = pgSchema('documents');

export const documents = documentsSchema.table(
  'documents',
  {
    number: text('number').primaryKey(),
    type: text('type', { enum: ['PASSPORT', 'NATIONAL_ID_CARD', 'DRIVING_LICENCE'] }).notNull(),
    /** Driving-licence categories (A1, A, B, C1, C, D, BE, CE); empty for other documents. */
    categories: text('categories').array().notNull(),
    holderNin: char('holder_nin', { length: 18 }).notNull(),
    issuingCommuneCode: char('issuing_commune_code', { length: 4 }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
    status: text('status', {
      enum: ['ACTIVE', 'EXPIRED', 'LOST', 'STOLEN', 'REVOKED', 'REPLACED'],
    }).notNull(),
    applicationNumber: text('application_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_holder_idx').on(t.holderNin, t.type),
    index('documents_issued_idx').on(t.issueDate, t.type),
  ],
);

export const OPEN_STATUSES = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'APPROVED',
  'IN_PRODUCTION',
  'READY',
] as const;

export const applications = documentsSchema.table(
  'applications',
  {
    number: text('number').primaryKey(),
    type: text('type', { enum: ['PASSPORT', 'NATIONAL_ID_CARD', 'DRIVING_LICENCE'] }).notNull(),
    categories: text('categories').array().notNull(),
    reason: text('reason', { enum: ['FIRST', 'RENEWAL', 'LOSS', 'THEFT', 'DAMAGE'] }).notNull(),
    nin: char('nin', { length: 18 }).notNull(),
    /** Taken from the civil registry at submission (for the kiosk check), never typed in. */
    applicantBirthDate: date('applicant_birth_date', { mode: 'string' }).notNull(),
    counterCommuneCode: char('counter_commune_code', { length: 4 }).notNull(),
    contactPhone: text('contact_phone').notNull(),
    /**
     * SHA-256 of the receipt's tracking code (schema/tracking-code.ts), the kiosk's second
     * factor; null for applications filed before codes existed until the counter reissues one.
     */
    trackingCodeHash: char('tracking_code_hash', { length: 64 }),
    status: text('status', {
      enum: [
        'SUBMITTED',
        'UNDER_REVIEW',
        'APPROVED',
        'REJECTED',
        'IN_PRODUCTION',
        'READY',
        'DELIVERED',
        'CANCELLED',
      ],
    }).notNull(),
    /** Optimistic lock: every change must name the version it saw. */
    version: integer('version').notNull().default(1),
    previousDocumentNumber: text('previous_document_number'),
    documentNumber: text('document_number'),
    rejectionReason: text('rejection_reason'),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('applications_queue_idx').on(t.counterCommuneCode, t.status, t.number),
    index('applications_nin_idx').on(t.nin, t.type),
    // At most one open application per citizen and document type, even under races.
    uniqueIndex('applications_one_open_idx')
      .on(t.nin, t.type)
      .where(sql`status in ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PRODUCTION', 'READY')`),
  ],
);

/** Every status change: who, when, from what to what, and why. */
export const applicationEvents = documentsSchema.table(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationNumber: text('application_number').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('application_events_app_idx').on(t.applicationNumber, t.id)],
);

/** SMS to applicants (READY, REJECTED), sent by the kit's relay. */
export const outbox = outboxTable(documentsSchema, 'application_number');

export const serials = serialsTable(documentsSchema);
export const idempotencyKeys = idempotencyTable(documentsSchema);
export const consultations = consultationsTable(documentsSchema);
export const rateLimits = rateLimitTable(documentsSchema);
export const publicLookups = publicLookupsTable(documentsSchema);
