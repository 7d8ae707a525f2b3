import {
  bigserial,
  boolean,
  char,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { consultationsTable } from './consultations.js';
import { idempotencyTable } from './idempotency.js';
import { outboxTable } from './outbox.js';
import { publicLookupsTable, rateLimitTable } from './public-lookups.js';
import { serialsTable } from './serials.js';

/** The commune's hygiene office: establishments and inspections, water, campaigns, requests. */
export const hygieneSchema = pgSchema('hygiene');

export const ESTABLISHMENT_CATEGORIES = [
  'BAKERY',
  'BUTCHER',
  'RESTAURANT',
  'CAFE',
  'GROCERY',
  'HAMMAM',
  'SCHOOL_CANTEEN',
] as const;
export const MEASURES = ['NONE', 'WARNING', 'FORMAL_NOTICE', 'CLOSURE_PROPOSED'] as const;
export const REQUEST_CATEGORIES = [
  'WASTE_NOT_COLLECTED',
  'WATER_LEAK',
  'PUBLIC_LIGHTING',
  'NOISE',
  'UNSANITARY_PREMISES',
  'STRAY_ANIMALS',
  'OTHER',
] as const;
export const REQUEST_STATUSES = [
  'FILED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
] as const;

/** Establishments open to the public that the office inspects. */
export const establishments = hygieneSchema.table(
  'establishments',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    category: text('category', { enum: ESTABLISHMENT_CATEGORIES }).notNull(),
    /** The operator: a person by NIN, or a company by NIF (exactly one of the two). */
    operatorNin: char('operator_nin', { length: 18 }),
    operatorNif: char('operator_nif', { length: 15 }),
    address: text('address').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    /** The standing after the last inspection (null before the first one). */
    lastScore: integer('last_score'),
    lastInspectionDate: date('last_inspection_date', { mode: 'string' }),
    lastMeasure: text('last_measure', { enum: MEASURES }),
    followUpDue: date('follow_up_due', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index('establishments_commune_idx').on(t.communeCode, t.id),
    index('establishments_operator_idx').on(t.operatorNin),
  ],
);

export const inspections = hygieneSchema.table(
  'inspections',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The inspecting agent (token subject). */
    inspector: text('inspector').notNull(),
    score: integer('score').notNull(),
    findings: text('findings').notNull(),
    measure: text('measure', { enum: MEASURES }).notNull(),
    /** Deadline of a formal notice, or of the follow-up a closure proposal calls for. */
    followUpDue: date('follow_up_due', { mode: 'string' }),
    /** The inspection this one follows up, if any. */
    followUpOf: text('follow_up_of'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [index('inspections_establishment_idx').on(t.establishmentId, t.date, t.id)],
);

/** One result per checklist item of the establishment's category. */
export const inspectionItems = hygieneSchema.table(
  'inspection_items',
  {
    inspectionId: text('inspection_id').notNull(),
    code: text('code').notNull(),
    result: text('result', { enum: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.code] })],
);

export const samplingPoints = hygieneSchema.table(
  'sampling_points',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['NETWORK_TAP', 'RESERVOIR', 'WELL', 'SPRING'] }).notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
  },
  (t) => [index('sampling_points_commune_idx').on(t.communeCode, t.id)],
);

export const waterSamples = hygieneSchema.table(
  'water_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pointId: text('point_id').notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    /** Free residual chlorine, mg/L. */
    freeChlorine: real('free_chlorine').notNull(),
    /** Escherichia coli and total coliforms, CFU per 100 mL. */
    eColi: integer('e_coli').notNull(),
    totalColiforms: integer('total_coliforms').notNull(),
    compliant: boolean('compliant').notNull(),
    /** The thresholds the sample failed (codes of hygiene/thresholds.ts). */
    failures: text('failures').array().notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    index('water_samples_commune_idx').on(t.communeCode, t.takenOn, t.id),
    index('water_samples_point_idx').on(t.pointId, t.takenOn),
  ],
);

export const campaigns = hygieneSchema.table(
  'campaigns',
  {
    id: text('id').primaryKey(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    kind: text('kind', { enum: ['DISINFECTION', 'RODENT_CONTROL', 'INSECT_CONTROL'] }).notNull(),
    district: text('district').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** What was covered: public buildings, streets or sites, and households. */
    sitesCovered: integer('sites_covered').notNull(),
    householdsCovered: integer('households_covered').notNull(),
    product: text('product').notNull(),
  },
  (t) => [index('campaigns_commune_idx').on(t.communeCode, t.startDate, t.id)],
);

/** Citizens' requests (requêtes), filed signed in or at the kiosk. */
export const requests = hygieneSchema.table(
  'requests',
  {
    number: text('number').primaryKey(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    category: text('category', { enum: REQUEST_CATEGORIES }).notNull(),
    place: text('place').notNull(),
    text: text('text').notNull(),
    /** The establishment the request reports, if any (its operator never sees the requester). */
    establishmentId: text('establishment_id'),
    /** Null when filed at the kiosk without an account. */
    requesterNin: char('requester_nin', { length: 18 }),
    /** The number told at closing and, with the request number, the follow-up's second factor. */
    contactPhone: text('contact_phone'),
    channel: text('channel', { enum: ['SIGNED_IN', 'KIOSK'] }).notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    assignee: text('assignee'),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true, mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    justification: text('justification'),
  },
  (t) => [
    index('requests_queue_idx').on(t.communeCode, t.status, t.number),
    index('requests_requester_idx').on(t.requesterNin),
    index('requests_establishment_idx').on(t.establishmentId),
  ],
);

/** Every step of a request: who, when, from what to what, and why. */
export const requestEvents = hygieneSchema.table(
  'request_events',
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
  (t) => [index('request_events_request_idx').on(t.requestNumber, t.id)],
);

/** SMS to requesters at closing, sent by the kit's relay. */
export const outbox = outboxTable(hygieneSchema);
export const serials = serialsTable(hygieneSchema);
export const idempotencyKeys = idempotencyTable(hygieneSchema);
export const consultations = consultationsTable(hygieneSchema);
export const rateLimits = rateLimitTable(hygieneSchema);
export const publicLookups = publicLookupsTable(hygieneSchema);
