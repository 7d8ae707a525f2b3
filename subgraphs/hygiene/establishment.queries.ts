import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  establishments,
  idempotencyKeys,
  inspectionItems,
  inspections,
  serials,
} from '../../db/tables/hygiene.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { keyParts, type Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { ItemResult } from './checklists.js';
import type { EstablishmentRecord, InspectionRecord } from './establishment.type.js';

export async function establishmentsByIds(db: Db, ids: readonly string[]) {
  return (await db
    .select()
    .from(establishments)
    .where(inArray(establishments.id, [...ids]))) as EstablishmentRecord[];
}

export async function communeEstablishments(
  db: Db,
  communeCode: string,
  filter: { category?: string | null; followUpOverdue?: boolean | null },
  page: Page,
) {
  return (await db
    .select()
    .from(establishments)
    .where(
      and(
        eq(establishments.communeCode, communeCode),
        filter.category
          ? eq(establishments.category, filter.category as EstablishmentRecord['category'])
          : undefined,
        filter.followUpOverdue
          ? and(
              isNotNull(establishments.followUpDue),
              lt(establishments.followUpDue, sql`current_date`),
            )
          : undefined,
        page.after ? gt(establishments.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(establishments.id))
    .limit(page.limit)) as EstablishmentRecord[];
}

export async function establishmentsOfOperators(db: Db, nins: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: establishments,
    parent: establishments.operatorNin,
    parents: nins,
    orderBy: [sql`${establishments.id}`],
    after: page.after ? gt(establishments.id, page.after) : undefined,
    limit: page.limit,
  })) as EstablishmentRecord[];
}

export const replayedEstablishment = (db: Db, request: IdempotentRequest) =>
  findReplay<{ id: string }>(db, idempotencyKeys, request);

export async function registerEstablishment(
  db: Db,
  row: Omit<
    EstablishmentRecord,
    'id' | 'lastScore' | 'lastInspectionDate' | 'lastMeasure' | 'followUpDue'
  >,
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const key = `EST-${row.communeCode}`;
    const id = `${key}-${String(await nextSerial(tx, serials, key)).padStart(6, '0')}`;
    await tx.insert(establishments).values({ ...row, id });
    return { id };
  });
}

export async function inspectionsByIds(db: Db, ids: readonly string[]) {
  return (await db
    .select()
    .from(inspections)
    .where(inArray(inspections.id, [...ids]))) as InspectionRecord[];
}

/** An establishment's inspections, newest first, a page per establishment in one statement. */
export async function inspectionsOfEstablishments(db: Db, ids: readonly string[], page: Page) {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: inspections,
    parent: inspections.establishmentId,
    parents: ids,
    orderBy: [sql`${inspections.date} desc`, sql`${inspections.id} desc`],
    after: after
      ? or(
          lt(inspections.date, after[0]!),
          and(eq(inspections.date, after[0]!), lt(inspections.id, after[1]!)),
        )
      : undefined,
    limit: page.limit,
  })) as InspectionRecord[];
}

export async function itemsOfInspections(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(inspectionItems)
    .where(inArray(inspectionItems.inspectionId, [...ids]))
    .orderBy(asc(inspectionItems.inspectionId), asc(inspectionItems.code));
}

/** The inspections that follow up each of these (at most one each, the latest). */
export async function followUpsOf(db: Db, ids: readonly string[]) {
  return (await db
    .select()
    .from(inspections)
    .where(inArray(inspections.followUpOf, [...ids]))
    .orderBy(asc(inspections.date), asc(inspections.id))) as InspectionRecord[];
}

export const replayedInspection = (db: Db, request: IdempotentRequest) =>
  findReplay<{ id: string }>(db, idempotencyKeys, request);

/** Records an inspection and its items, and makes it the establishment's standing, in one step. */
export async function recordInspection(
  db: Db,
  row: Omit<InspectionRecord, 'id'>,
  items: readonly { code: string; result: ItemResult }[],
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const key = `INS-${row.communeCode}-${row.date.slice(0, 4)}`;
    const id = `${key}-${String(await nextSerial(tx, serials, key)).padStart(6, '0')}`;
    await tx.insert(inspections).values({ ...row, id });
    await tx.insert(inspectionItems).values(items.map((i) => ({ ...i, inspectionId: id })));
    // The latest inspection by date sets the standing (a late-recorded older one does not).
    await tx
      .update(establishments)
      .set({
        lastScore: row.score,
        lastInspectionDate: row.date,
        lastMeasure: row.measure,
        followUpDue: row.followUpDue,
      })
      .where(
        and(
          eq(establishments.id, row.establishmentId),
          or(
            sql`${establishments.lastInspectionDate} is null`,
            sql`${establishments.lastInspectionDate} <= ${row.date}`,
          ),
        ),
      );
    return { id };
  });
}

/** Per commune: establishments by standing (from their last score). */
export async function standingFigures(db: Db, communeCode: string) {
  const rows = await db
    .select({
      standing: sql<string>`case when ${establishments.lastScore} is null then 'UNRATED' when ${establishments.lastScore} >= 80 then 'GOOD' when ${establishments.lastScore} >= 50 then 'FAIR' else 'POOR' end`,
      count: sql<number>`count(*)::int`,
    })
    .from(establishments)
    .where(eq(establishments.communeCode, communeCode))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ standing: r.standing, count: Number(r.count) }));
}
