import { index, integer, pgSchema, text } from 'drizzle-orm/pg-core';

/** Reference data of the territory: wilayas, daïras and communes, keyed by official code. */
export const communesSchema = pgSchema('communes');

export const wilayas = communesSchema.table('wilayas', {
  /** Two digits, "01" to "58" (and beyond: the number of wilayas is data). */
  code: text('code').primaryKey(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en'),
  nameBer: text('name_ber'),
  phoneCodes: integer('phone_codes').array().notNull(),
  postalCodes: text('postal_codes').array().notNull(),
  adjacentWilayaCodes: text('adjacent_wilaya_codes').array().notNull(),
});

export const dairas = communesSchema.table(
  'dairas',
  {
    code: text('code').primaryKey(),
    wilayaCode: text('wilaya_code')
      .notNull()
      .references(() => wilayas.code),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
  },
  (t) => [index('dairas_wilaya_idx').on(t.wilayaCode, t.code)],
);

export const communes = communesSchema.table(
  'communes',
  {
    /** Four digits: wilaya code then the commune's number in it, e.g. "1601" Alger Centre. */
    code: text('code').primaryKey(),
    wilayaCode: text('wilaya_code')
      .notNull()
      .references(() => wilayas.code),
    dairaCode: text('daira_code').references(() => dairas.code),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameBer: text('name_ber'),
    postalCode: text('postal_code'),
  },
  (t) => [
    index('communes_wilaya_idx').on(t.wilayaCode, t.code),
    index('communes_daira_idx').on(t.dairaCode, t.code),
  ],
);
