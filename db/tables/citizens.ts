import { sql } from 'drizzle-orm';
import { char, date, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { consultationsTable } from './consultations.js';
import { idempotencyTable } from './idempotency.js';

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
    registeredBy: text('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('citizens_birth_commune_idx').on(t.birthCommuneCode, t.nin),
    index('citizens_father_idx').on(t.fatherNin),
    index('citizens_mother_idx').on(t.motherNin),
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
