import { and, asc, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { communes, dairas, wilayas } from '../../db/tables/communes.js';
import type { Page } from '../kit/pagination.js';
import { anyOf, prepared } from '../kit/prepared.js';
import type { CommuneRecord, DairaRecord, WilayaRecord } from './territory.type.js';

const selectWilayasByCodes = prepared<{ codes: string[] }, WilayaRecord[]>(
  'wilayas_by_codes',
  (db) => db.select().from(wilayas).where(anyOf(wilayas.code, 'codes')),
);

export async function wilayasByCodes(db: Db, codes: readonly string[]): Promise<WilayaRecord[]> {
  if (codes.length === 0) return [];
  return selectWilayasByCodes(db, { codes: [...codes] });
}

export async function allWilayas(db: Db): Promise<WilayaRecord[]> {
  return db.select().from(wilayas).orderBy(asc(wilayas.code));
}

const selectDairasByCodes = prepared<{ codes: string[] }, DairaRecord[]>('dairas_by_codes', (db) =>
  db.select().from(dairas).where(anyOf(dairas.code, 'codes')),
);

export async function dairasByCodes(db: Db, codes: readonly string[]): Promise<DairaRecord[]> {
  if (codes.length === 0) return [];
  return selectDairasByCodes(db, { codes: [...codes] });
}

export async function dairasOfWilayas(
  db: Db,
  wilayaCodes: readonly string[],
): Promise<DairaRecord[]> {
  return db
    .select()
    .from(dairas)
    .where(inArray(dairas.wilayaCode, [...wilayaCodes]))
    .orderBy(asc(dairas.code));
}

const selectCommunesByCodes = prepared<{ codes: string[] }, CommuneRecord[]>(
  'communes_by_codes',
  (db) => db.select().from(communes).where(anyOf(communes.code, 'codes')),
);

export async function communesByCodes(db: Db, codes: readonly string[]): Promise<CommuneRecord[]> {
  if (codes.length === 0) return [];
  return selectCommunesByCodes(db, { codes: [...codes] });
}

export async function communesOfDairas(
  db: Db,
  dairaCodes: readonly string[],
): Promise<CommuneRecord[]> {
  return db
    .select()
    .from(communes)
    .where(inArray(communes.dairaCode, [...dairaCodes]))
    .orderBy(asc(communes.code));
}

/** The same page of communes for each of several wilayas, in one statement. */
export async function communesOfWilayas(
  db: Db,
  wilayaCodes: readonly string[],
  page: Page,
): Promise<CommuneRecord[]> {
  const ranked = db
    .select({
      code: communes.code,
      wilayaCode: communes.wilayaCode,
      dairaCode: communes.dairaCode,
      nameAr: communes.nameAr,
      nameFr: communes.nameFr,
      nameBer: communes.nameBer,
      postalCode: communes.postalCode,
      rank: sql<number>`row_number() over (partition by ${communes.wilayaCode} order by ${communes.code})`.as(
        'rank',
      ),
    })
    .from(communes)
    .where(
      and(
        inArray(communes.wilayaCode, [...wilayaCodes]),
        page.after ? gt(communes.code, page.after) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, page.limit))
    .orderBy(asc(ranked.code));
  return rows.map(({ rank: _rank, ...commune }) => commune);
}

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Communes whose name, in any script, contains the text (case-insensitive). */
export async function searchCommunes(db: Db, text: string, page: Page): Promise<CommuneRecord[]> {
  const pattern = contains(text.toLowerCase());
  return db
    .select()
    .from(communes)
    .where(
      and(
        or(
          sql`lower(${communes.nameFr}) like ${pattern}`,
          sql`${communes.nameAr} like ${contains(text)}`,
          sql`lower(coalesce(${communes.nameBer}, '')) like ${pattern}`,
        ),
        page.after ? gt(communes.code, page.after) : undefined,
      ),
    )
    .orderBy(asc(communes.code))
    .limit(page.limit);
}
