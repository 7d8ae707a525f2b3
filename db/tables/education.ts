import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  numeric,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { consultationsTable } from './consultations.js';
import { idempotencyTable } from './idempotency.js';

/**
 * Schools and the schooling of pupils (e-education). Pupils are citizens, known here by
 * NIN only: names, birth dates and filiation stay in the registry.
 */
export const educationSchema = pgSchema('education');

export const SCHOOL_LEVELS = ['PRIMARY', 'MIDDLE', 'SECONDARY'] as const;
export const GRADES = [
  '1AP',
  '2AP',
  '3AP',
  '4AP',
  '5AP',
  '1AM',
  '2AM',
  '3AM',
  '4AM',
  '1AS',
  '2AS',
  '3AS',
] as const;
export const ENROLMENT_STATUSES = ['ENROLLED', 'TRANSFERRED', 'COMPLETED', 'LEFT'] as const;
export const DECISIONS = ['PROMOTED', 'REPEATS', 'ORIENTED'] as const;

/** A school (OneRoster: an org of type school). Code: commune code + two-digit serial. */
export const schools = educationSchema.table(
  'schools',
  {
    code: char('code', { length: 6 }).primaryKey(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    level: text('level', { enum: SCHOOL_LEVELS }).notNull(),
    sector: text('sector', { enum: ['PUBLIC', 'PRIVATE'] }).notNull(),
    communeCode: char('commune_code', { length: 4 }).notNull(),
    address: text('address').notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: ['OPEN', 'CLOSED'] }).notNull(),
  },
  (t) => [index('schools_commune_idx').on(t.communeCode, t.code)],
);

/** A school year (OneRoster: an academicSession of type schoolYear), e.g. 2026-2027. */
export const academicYears = educationSchema.table('academic_years', {
  code: char('code', { length: 9 }).primaryKey(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
});

/**
 * A pupil's enrolment in a school for a year (OneRoster: an enrollment of role student in
 * the class of its grade and section). At most one ENROLLED row per pupil and year: a
 * partial unique index, so two concurrent enrolments cannot both succeed.
 */
export const enrolments = educationSchema.table(
  'enrolments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nin: char('nin', { length: 18 }).notNull(),
    schoolCode: char('school_code', { length: 6 }).notNull(),
    year: char('year', { length: 9 }).notNull(),
    grade: text('grade', { enum: GRADES }).notNull(),
    section: text('section').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
    /** The pupil's parents, as the registry named them at enrolment: they read the schooling. */
    fatherNin: char('father_nin', { length: 18 }),
    motherNin: char('mother_nin', { length: 18 }),
    /** End-of-year result: annual average out of 20, and the council's decision. */
    average: numeric('average', { precision: 4, scale: 2, mode: 'number' }),
    decision: text('decision', { enum: DECISIONS }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_one_open_idx')
      .on(t.nin, t.year)
      .where(sql`${t.status} = 'ENROLLED'`),
    index('enrolments_nin_idx').on(t.nin, t.year, t.id),
    index('enrolments_school_idx').on(t.schoolCode, t.year, t.id),
    index('enrolments_father_idx').on(t.fatherNin),
    index('enrolments_mother_idx').on(t.motherNin),
  ],
);

/**
 * Every change to an enrolment, numbered in commit order: writers take one lock before
 * numbering and hold it to their commit, so a reader that has seen number n has seen every
 * change numbered below it (the integrators' change feed).
 */
export const enrolmentChanges = educationSchema.table(
  'enrolment_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    enrolmentId: bigint('enrolment_id', { mode: 'number' }).notNull(),
    schoolCode: char('school_code', { length: 6 }).notNull(),
    kind: text('kind', { enum: ['ENROLLED', 'TRANSFERRED', 'RESULT', 'LEFT'] }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('enrolment_changes_school_idx').on(t.schoolCode, t.seq)],
);

export const idempotencyKeys = idempotencyTable(educationSchema);
export const consultations = consultationsTable(educationSchema);
