import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { citizens, consultations, idempotencyKeys, ninSerials } from '../../db/tables/citizens.js';
import { makeNin, ninPrefix } from '../../schema/nin.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import type { Page } from '../kit/pagination.js';
import { anyOf, prepared } from '../kit/prepared.js';
import type { CitizenRecord } from './citizen.type.js';
import { newAct } from './civil-act.queries.js';

/** The registry columns behind a CitizenRecord. */
export const citizenColumns = {
  nin: citizens.nin,
  givenNameAr: citizens.givenNameAr,
  familyNameAr: citizens.familyNameAr,
  givenNameLat: citizens.givenNameLat,
  familyNameLat: citizens.familyNameLat,
  sex: citizens.sex,
  birthDate: citizens.birthDate,
  birthCommuneCode: citizens.birthCommuneCode,
  fatherNin: citizens.fatherNin,
  motherNin: citizens.motherNin,
  maritalStatus: citizens.maritalStatus,
  deathDate: citizens.deathDate,
  spouseNin: citizens.spouseNin,
};

const selectCitizensByNins = prepared<{ nins: string[] }, CitizenRecord[]>(
  'citizens_by_nins',
  (db) => db.select(citizenColumns).from(citizens).where(anyOf(citizens.nin, 'nins')),
);

export async function citizensByNins(db: Db, nins: readonly string[]): Promise<CitizenRecord[]> {
  if (nins.length === 0) return [];
  return selectCitizensByNins(db, { nins: [...nins] });
}

/** Children of any of the given parents, oldest first. */
export async function childrenOf(db: Db, parentNins: readonly string[]): Promise<CitizenRecord[]> {
  if (parentNins.length === 0) return [];
  const list = [...parentNins];
  return db
    .select(citizenColumns)
    .from(citizens)
    .where(or(inArray(citizens.fatherNin, list), inArray(citizens.motherNin, list)))
    .orderBy(asc(citizens.birthDate), asc(citizens.nin));
}

export interface CitizenFilterValues {
  name?: string | null;
  birthDate?: string | null;
  bornFrom?: string | null;
  bornTo?: string | null;
  birthCommuneCode?: string | null;
  sex?: 'MALE' | 'FEMALE' | null;
}

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(f: CitizenFilterValues): SQL[] {
  const where: SQL[] = [];
  if (f.name) {
    const lat = likePrefix(f.name.toLowerCase());
    const ar = likePrefix(f.name);
    where.push(
      or(
        sql`lower(${citizens.familyNameLat}) like ${lat}`,
        sql`lower(${citizens.givenNameLat}) like ${lat}`,
        sql`${citizens.familyNameAr} like ${ar}`,
        sql`${citizens.givenNameAr} like ${ar}`,
      )!,
    );
  }
  if (f.birthDate) where.push(eq(citizens.birthDate, f.birthDate));
  if (f.bornFrom) where.push(gte(citizens.birthDate, f.bornFrom));
  if (f.bornTo) where.push(lte(citizens.birthDate, f.bornTo));
  if (f.birthCommuneCode) where.push(eq(citizens.birthCommuneCode, f.birthCommuneCode));
  if (f.sex) where.push(eq(citizens.sex, f.sex));
  return where;
}

/**
 * The order of a page. By NIN as a rule; with a name in the filter, by the NIN as text,
 * which sorts the same (18 digits) but which no index provides. Ordered by the key itself,
 * the planner walks the primary key testing each row, betting that matches come early:
 * a name that matches nobody then reads every row (2.8 s at a million citizens), and with
 * a sex filter every NIN of the other sex first, whatever the statistics say. Without an
 * index to walk, it fetches the matches through the name indexes (migration 0010) and
 * sorts them: the cost follows the number of matches, never the size of the table.
 */
function pageOrder(filter: CitizenFilterValues): SQL {
  return filter.name ? sql`${citizens.nin}::text` : asc(citizens.nin);
}

/** The statement behind listCitizens (tests read its plan). */
export function listCitizensQuery(db: Db, filter: CitizenFilterValues, page: Page) {
  const where = filterConditions(filter);
  if (page.after) where.push(gt(citizens.nin, page.after));
  return db
    .select(citizenColumns)
    .from(citizens)
    .where(and(...where))
    .orderBy(pageOrder(filter))
    .limit(page.limit);
}

/** NINs after the cursor that a name search reads in order before it asks the indexes. */
export const NAME_WINDOW = 2000;

/**
 * One page of citizens matching the filter, in NIN order (keyset pagination).
 *
 * A name search first looks among the next NAME_WINDOW citizens in NIN order (a bounded
 * range of the primary key): a common name fills its page there in a few milliseconds.
 * When the page is not full, the search goes through the name indexes (listCitizensQuery),
 * whose cost follows the matches. Either statement reads a bounded part of the table,
 * and the second's answer is the whole page, so the first is only a shortcut.
 */
export async function listCitizens(
  db: Db,
  filter: CitizenFilterValues,
  page: Page,
): Promise<CitizenRecord[]> {
  if (!filter.name) return listCitizensQuery(db, filter, page);
  const after = page.after ?? '';
  const windowEnd = sql`coalesce((select ${citizens.nin} from ${citizens} where ${citizens.nin} > ${after} order by ${citizens.nin} offset ${NAME_WINDOW - 1} limit 1), ${'9'.repeat(18)})`;
  const near = await db
    .select(citizenColumns)
    .from(citizens)
    .where(
      and(
        ...filterConditions(filter),
        gt(citizens.nin, after),
        sql`${citizens.nin} <= ${windowEnd}`,
      ),
    )
    .orderBy(asc(citizens.nin))
    .limit(page.limit);
  if (near.length === page.limit) return near;
  return listCitizensQuery(db, filter, page);
}

/**
 * The same page of citizens born in each of several communes, in one statement: rows are
 * numbered per commune and cut at the page limit.
 */
export async function citizensBornIn(
  db: Db,
  communeCodes: readonly string[],
  page: Page,
): Promise<(CitizenRecord & { rank: number })[]> {
  if (communeCodes.length === 0) return [];
  const inner = db
    .select({
      ...citizenColumns,
      rank: sql<number>`row_number() over (partition by ${citizens.birthCommuneCode} order by ${citizens.nin})`.as(
        'rank',
      ),
    })
    .from(citizens)
    .where(
      and(
        inArray(citizens.birthCommuneCode, [...communeCodes]),
        page.after ? gt(citizens.nin, page.after) : undefined,
      ),
    )
    .as('ranked');
  return db
    .select()
    .from(inner)
    .where(lte(inner.rank, page.limit))
    .orderBy(asc(inner.birthCommuneCode), asc(inner.nin)) as Promise<
    (CitizenRecord & { rank: number })[]
  >;
}

export interface NewBirth {
  givenNameAr: string;
  givenNameLat: string;
  familyNameAr: string;
  familyNameLat: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  birthCommuneCode: string;
  fatherNin: string | null;
  motherNin: string;
}

/**
 * Records a birth and assigns the next NIN of its prefix. The serial counter row is
 * updated in the same transaction, so two births at once never get the same NIN.
 */
/** The stored result of an earlier registerBirth with this key, or null. */
export function replayedBirth(db: Db, request: IdempotentRequest) {
  return findReplay<{ nin: string }>(db, idempotencyKeys, request);
}

export async function registerBirth(
  db: Db,
  birth: NewBirth,
  request: IdempotentRequest,
  registeredBy: string,
): Promise<{ nin: string; replayed: boolean }> {
  const { result, replayed } = await idempotent(db, idempotencyKeys, request, async (tx) => {
    const prefix = ninPrefix(
      birth.sex,
      Number(birth.birthDate.slice(0, 4)),
      birth.birthCommuneCode,
    );
    const [serial] = await tx
      .insert(ninSerials)
      .values({ prefix, last: 1 })
      .onConflictDoUpdate({
        target: ninSerials.prefix,
        set: { last: sql`${ninSerials.last} + 1` },
      })
      .returning({ last: ninSerials.last });
    const nin = makeNin(prefix, serial!.last);
    await tx.insert(citizens).values({ ...birth, nin, maritalStatus: 'SINGLE', registeredBy });
    // The birth act, drawn up at the office of the commune of birth on the day it is declared.
    await newAct(tx, {
      kind: 'BIRTH',
      communeCode: birth.birthCommuneCode,
      actDate: new Date().toISOString().slice(0, 10),
      eventDate: birth.birthDate,
      eventCommuneCode: birth.birthCommuneCode,
      subjectNin: nin,
      partnerNin: null,
      corrects: null,
      registeredBy,
    });
    return { nin };
  });
  return { nin: result.nin, replayed };
}

export interface ConsultationRow {
  id: number;
  at: string;
  principalKind: string;
  ministry: string | null;
  communeCode: string | null;
  groups: string[];
  purpose: string;
  outcome: string;
}

/** Who consulted one citizen, newest first; the citizen's own reads are left out. */
export async function consultationsOf(db: Db, nin: string, page: Page): Promise<ConsultationRow[]> {
  return db
    .select({
      id: consultations.id,
      at: consultations.at,
      principalKind: consultations.principalKind,
      ministry: consultations.ministry,
      communeCode: consultations.communeCode,
      groups: consultations.groups,
      purpose: consultations.purpose,
      outcome: consultations.outcome,
    })
    .from(consultations)
    .where(
      and(
        eq(consultations.nin, nin),
        // The citizen's own reads are left out, but not the extracts they had issued.
        or(
          ne(consultations.principalKind, 'citizen'),
          eq(consultations.purpose, 'BIRTH_EXTRACT_ISSUANCE'),
        ),
        page.after ? lt(consultations.id, Number(page.after)) : undefined,
      ),
    )
    .orderBy(desc(consultations.id))
    .limit(page.limit);
}

/**
 * Allowed reads over [from, to) by the consulted citizens' wilaya of birth, which the NIN
 * carries (digits 6–7, schema/nin.ts): no join, optionally for one ministry only.
 */
export async function consultationsByWilaya(
  db: Db,
  from: string,
  to: string,
  ministry: string | null,
) {
  const wilaya = sql<string>`substr(${consultations.nin}, 6, 2)`;
  const rows = await db
    .select({
      wilayaCode: wilaya,
      consultations: sql<number>`count(*)`,
      distinctCitizens: sql<number>`count(distinct ${consultations.nin})`,
    })
    .from(consultations)
    .where(
      and(
        gte(consultations.at, from),
        lt(consultations.at, to),
        eq(consultations.outcome, 'ALLOWED'),
        ministry ? eq(consultations.ministry, ministry) : undefined,
      ),
    )
    .groupBy(wilaya)
    .orderBy(wilaya);
  return rows.map((r) => ({
    wilayaCode: r.wilayaCode,
    consultations: Number(r.consultations),
    distinctCitizens: Number(r.distinctCitizens),
  }));
}

/** Counts per kind of caller and ministry over [from, to), optionally for one ministry only. */
export async function consultationStatistics(
  db: Db,
  from: string,
  to: string,
  ministry: string | null,
) {
  const rows = await db
    .select({
      principalKind: consultations.principalKind,
      ministry: consultations.ministry,
      consultations: sql<number>`count(*) filter (where ${consultations.outcome} = 'ALLOWED')`,
      distinctCitizens: sql<number>`count(distinct ${consultations.nin}) filter (where ${consultations.outcome} = 'ALLOWED')`,
      refused: sql<number>`count(*) filter (where ${consultations.outcome} <> 'ALLOWED')`,
    })
    .from(consultations)
    .where(
      and(
        gte(consultations.at, from),
        lt(consultations.at, to),
        ministry ? eq(consultations.ministry, ministry) : undefined,
      ),
    )
    .groupBy(consultations.principalKind, consultations.ministry)
    .orderBy(consultations.principalKind, consultations.ministry);
  return rows.map((r) => ({
    ...r,
    principalKind: r.principalKind.toUpperCase(),
    consultations: Number(r.consultations),
    distinctCitizens: Number(r.distinctCitizens),
    refused: Number(r.refused),
  }));
}
