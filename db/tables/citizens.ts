import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  jsonb,
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

/** The national civil registry (RNEC). */
export const citizensSchema = pgSchema('citizens');

export const citizens = citizensSchema.table(
  'citizens',
  {
    nin: char('nin', { length: 18 }).primaryKey(),
    givenNameAr: text('given_name_ar').notNull(),
    familyNameAr: text('family_name_ar').notNull(),
    givenNameLat: text('given_name_lat').notNull(),
    familyNameLat: text('family_name_lat').notNull(),
    sex: text('sex', { enum: ['MALE', 'FEMALE'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** A commune code; the commune itself lives in the communes subgraph. */
    birthCommuneCode: char('birth_commune_code', { length: 4 }).notNull(),
    fatherNin: char('father_nin', { length: 18 }),
    motherNin: char('mother_nin', { length: 18 }),
    maritalStatus: text('marital_status', {
      enum: ['SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED'],
    }).notNull(),
    deathDate: date('death_date', { mode: 'string' }),
    /**
     * The current spouse while MARRIED (null otherwise, or when the spouse is not in the
     * registry): kept with the marital status so that a death can widow the spouse.
     */
    spouseNin: char('spouse_nin', { length: 18 }),
    registeredBy: text('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('citizens_birth_commune_idx').on(t.birthCommuneCode, t.nin),
    index('citizens_father_idx').on(t.fatherNin),
    index('citizens_mother_idx').on(t.motherNin),
    index('citizens_spouse_idx').on(t.spouseNin),
    index('citizens_birth_date_idx').on(t.birthDate),
    index('citizens_family_lat_idx').using(
      'btree',
      sql`lower(${t.familyNameLat}) text_pattern_ops`,
    ),
    index('citizens_family_ar_idx').using('btree', sql`${t.familyNameAr} text_pattern_ops`),
    // The name filter ORs prefixes of the four names: with all four indexed, the planner
    // ORs four index ranges instead of walking the whole table in NIN order.
    index('citizens_given_lat_idx').using('btree', sql`lower(${t.givenNameLat}) text_pattern_ops`),
    index('citizens_given_ar_idx').using('btree', sql`${t.givenNameAr} text_pattern_ops`),
  ],
);

/** The last serial given within each NIN prefix (sex, birth year, commune). */
export const ninSerials = citizensSchema.table('nin_serials', {
  prefix: char('prefix', { length: 9 }).primaryKey(),
  last: integer('last').notNull(),
});

/** First result of each creating mutation, per client and idempotency key. */
export const idempotencyKeys = idempotencyTable(citizensSchema);

/** Every consultation of the registry: who read which NIN, which groups, for what purpose. */
export const consultations = consultationsTable(citizensSchema);

export const CIVIL_ACT_KINDS = ['BIRTH', 'MARRIAGE', 'DEATH'] as const;
export type CivilActKind = (typeof CIVIL_ACT_KINDS)[number];

/**
 * The civil acts drawn up at a commune's civil-status office, numbered per office, year and
 * register. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, see the migration):
 * a mistake is corrected by a new act whose `corrects` names the act it replaces, and the
 * citizens table is the projection of the acts in force.
 */
export const civilActs = citizensSchema.table(
  'civil_acts',
  {
    /** <commune>-<year>-<B|M|D>-<serial>, e.g. 1601-2026-M-000012. */
    number: text('number').primaryKey(),
    kind: text('kind', { enum: CIVIL_ACT_KINDS }).notNull(),
    /** The civil-status office that drew the act up. */
    communeCode: char('commune_code', { length: 4 }).notNull(),
    actDate: date('act_date', { mode: 'string' }).notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    /** Where the event took place (birth, marriage, death). */
    eventCommuneCode: char('event_commune_code', { length: 4 }).notNull(),
    /** The person born, the deceased, or the husband. */
    subjectNin: char('subject_nin', { length: 18 }).notNull(),
    /** The wife, for a marriage; null for births and deaths, or a spouse outside the registry. */
    partnerNin: char('partner_nin', { length: 18 }),
    /** The act this one corrects; each act is corrected at most once (a chain, not a tree). */
    corrects: text('corrects'),
    registeredBy: text('registered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index('civil_acts_subject_idx').on(t.subjectNin),
    index('civil_acts_partner_idx').on(t.partnerNin),
    uniqueIndex('civil_acts_corrects_idx').on(t.corrects),
  ],
);

export const MARGINAL_NOTE_KINDS = ['MARRIAGE', 'DIVORCE', 'DEATH', 'CORRECTION'] as const;

/**
 * Marginal notes (mentions marginales) written on an act by a later one: a marriage or a
 * death on the birth act, a correction on the corrected act. Append-only like the acts.
 */
export const marginalNotes = citizensSchema.table(
  'marginal_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The act the note is written on. */
    actNumber: text('act_number').notNull(),
    kind: text('kind', { enum: MARGINAL_NOTE_KINDS }).notNull(),
    /** The act that caused the note (the marriage, the death, the correcting act). */
    sourceActNumber: text('source_act_number'),
    text: text('text').notNull(),
    notedOn: date('noted_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('marginal_notes_act_idx').on(t.actNumber, t.id)],
);

/** Act numbers per (office, year, register); extract and request numbers too. */
export const serials = serialsTable(citizensSchema);

/**
 * The platform's keys for signing extracts. Kept in the registry's schema so every replica
 * signs with the same key and the published key set is the same everywhere; production
 * would keep the private half in an HSM and this table would hold its reference.
 */
export const issuerKeys = citizensSchema.table('issuer_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateJwk: jsonb('private_jwk').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * Every extract issued: whose, from which act, when it expires, and its index in the
 * status list (the id itself). An extract carries the marginal notes of its act, so any
 * later act that writes a note on that act (a marriage, a death, a correction) revokes it. The signed extract is not kept: it holds the citizen's
 * salts, and the verification code is enough to find this row.
 */
export const extracts = citizensSchema.table(
  'extracts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Printed and always disclosed: EX-XXXXX-XXXXX. */
    code: text('code').notNull(),
    nin: char('nin', { length: 18 }).notNull(),
    actNumber: text('act_number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [uniqueIndex('extracts_code_idx').on(t.code), index('extracts_nin_idx').on(t.nin)],
);

/** Revoked extracts (append-only): the status list is built from this table. */
export const extractRevocations = citizensSchema.table('extract_revocations', {
  extractId: bigint('extract_id', { mode: 'number' }).primaryKey(),
  reason: text('reason').notNull(),
  /** The act that changed the facts (a death, a marriage, a correction). */
  actNumber: text('act_number'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Anonymous extract verifications: counters and the append-only log. */
export const rateLimits = rateLimitTable(citizensSchema);
export const publicLookups = publicLookupsTable(citizensSchema);

export const CERTIFICATE_TYPES = [
  'BIRTH_EXTRACT',
  'RESIDENCE_CERTIFICATE',
  'CERTIFICATE_OF_LIFE',
  'FAMILY_RECORD',
  'NON_REMARRIAGE_CERTIFICATE',
  'MARITAL_STATUS_CERTIFICATE',
] as const;
export const CERTIFICATE_REQUEST_STATUSES = ['SUBMITTED', 'APPROVED', 'REFUSED'] as const;

/**
 * Certificates requested online, at the kiosk or at a counter on a citizen's behalf (the
 * Berkane annex), decided by the civil-status office of `commune_code`. An approved request
 * holds the signed certificate (an SD-JWT VC like the birth extract, its row in `extracts`)
 * so the citizen can fetch it once told by SMS that it is ready.
 */
export const certificateRequests = citizensSchema.table(
  'certificate_requests',
  {
    /** CRT-<commune>-<year>-<serial>, e.g. CRT-1601-2026-000012. */
    number: text('number').primaryKey(),
    nin: char('nin', { length: 18 }).notNull(),
    type: text('type', { enum: CERTIFICATE_TYPES }).notNull(),
    reason: text('reason').notNull(),
    /** The declared address, for a residence certificate; null otherwise. */
    address: text('address'),
    /** The commune whose office decides it. */
    communeCode: char('commune_code', { length: 4 }).notNull(),
    channel: text('channel', { enum: ['ONLINE', 'KIOSK', 'COUNTER'] }).notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** Taken from the registry at filing, for the kiosk's check: never typed in. */
    applicantBirthDate: date('applicant_birth_date', { mode: 'string' }).notNull(),
    /** SHA-256 of the receipt's tracking code (schema/tracking-code.ts). */
    trackingCodeHash: char('tracking_code_hash', { length: 64 }).notNull(),
    status: text('status', { enum: CERTIFICATE_REQUEST_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    justification: text('justification'),
    /** The certificate's verification code (its row in `extracts`), once approved. */
    certificateCode: text('certificate_code'),
    /** The signed certificate, for its holder to fetch; null until approved. */
    credential: text('credential'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('certificate_requests_queue_idx').on(t.communeCode, t.status, t.number),
    index('certificate_requests_nin_idx').on(t.nin, t.submittedAt),
    // One open request per person and type: a second waits for the first to be decided.
    uniqueIndex('certificate_requests_open_idx')
      .on(t.nin, t.type)
      .where(sql`${t.status} = 'SUBMITTED'`),
  ],
);

/** Every step of a certificate request: who, when, why (append-only). */
export const certificateRequestEvents = citizensSchema.table(
  'certificate_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestNumber: text('request_number').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('certificate_request_events_request_idx').on(t.requestNumber, t.id)],
);

/** SMS to citizens when a certificate request is decided, sent by the kit's relay. */
export const outbox = outboxTable(citizensSchema);
