import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  annualReports,
  associationEvents,
  associations,
  boardMembers,
  founders,
  generalAssemblies,
  idempotencyKeys,
  serials,
  subsidies,
} from '../../db/tables/associations.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { keyParts, type Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type {
  AnnualReportRecord,
  AssociationRecord,
  BoardMemberRecord,
  FounderRecord,
  SubsidyRecord,
} from './association.type.js';
import { nameKey } from './association.rules.js';
import { decisionDue, type AssociationStatusName, type BoardRoleName } from './workflow.js';

/** A refusal the database made (a race on the unique name), told apart from a crash. */
export class NameTaken extends Error {}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export async function associationsByIds(db: Db, ids: readonly string[]) {
  return (await db
    .select()
    .from(associations)
    .where(inArray(associations.id, [...ids]))) as AssociationRecord[];
}

export async function nameInUse(db: Db, communeCode: string, name: string, nameAr: string) {
  const [row] = await db
    .select({ id: associations.id })
    .from(associations)
    .where(
      and(
        eq(associations.communeCode, communeCode),
        or(eq(associations.nameKey, nameKey(name)), eq(associations.nameArKey, nameKey(nameAr))),
        sql`${associations.status} not in ('REFUSED', 'DISSOLVED')`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function communeAssociations(
  db: Db,
  communeCode: string,
  filter: { status?: string | null; decisionOverdue?: boolean | null },
  page: Page,
) {
  return (await db
    .select()
    .from(associations)
    .where(
      and(
        eq(associations.communeCode, communeCode),
        filter.status ? eq(associations.status, filter.status as AssociationStatusName) : undefined,
        filter.decisionOverdue
          ? and(
              eq(associations.status, 'DECLARED'),
              lt(associations.decisionDue, sql`current_date`),
            )
          : undefined,
        page.after ? gt(associations.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(associations.id))
    .limit(page.limit)) as AssociationRecord[];
}

const PUBLIC_STATUSES = ['REGISTERED', 'SUSPENDED', 'DISSOLVED'] as const;

/** The public registry: associations once registered, by commune and/or name (French or Arabic). */
export async function publicRegistry(
  db: Db,
  filter: { communeCode: string | null; search: string | null },
  page: Page,
) {
  const key = filter.search ? nameKey(filter.search).replace(/[\\%_]/g, (c) => `\\${c}`) : null;
  return (await db
    .select()
    .from(associations)
    .where(
      and(
        inArray(associations.status, [...PUBLIC_STATUSES]),
        filter.communeCode ? eq(associations.communeCode, filter.communeCode) : undefined,
        key
          ? or(
              sql`${associations.nameKey} like ${`%${key}%`}`,
              sql`${associations.nameArKey} like ${`%${key}%`}`,
            )
          : undefined,
        page.after ? gt(associations.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(associations.id))
    .limit(page.limit)) as AssociationRecord[];
}

export async function foundersOf(db: Db, ids: readonly string[]) {
  return (await db
    .select({
      associationId: founders.associationId,
      nin: founders.nin,
      communeCode: associations.communeCode,
    })
    .from(founders)
    .innerJoin(associations, eq(associations.id, founders.associationId))
    .where(inArray(founders.associationId, [...ids]))
    .orderBy(asc(founders.associationId), asc(founders.nin))) as FounderRecord[];
}

/** The sitting board (no end date) of each association. */
export async function sittingBoards(db: Db, ids: readonly string[]) {
  return (await db
    .select({
      associationId: boardMembers.associationId,
      board: boardMembers.board,
      nin: boardMembers.nin,
      role: boardMembers.role,
      fromDate: boardMembers.fromDate,
      toDate: boardMembers.toDate,
      communeCode: associations.communeCode,
    })
    .from(boardMembers)
    .innerJoin(associations, eq(associations.id, boardMembers.associationId))
    .where(and(inArray(boardMembers.associationId, [...ids]), isNull(boardMembers.toDate)))
    .orderBy(
      asc(boardMembers.associationId),
      asc(boardMembers.role),
      asc(boardMembers.nin),
    )) as BoardMemberRecord[];
}

/** Seats a person held or holds, newest board first, a page per person in one statement. */
export async function seatsOf(db: Db, nins: readonly string[], page: Page) {
  const after = keyParts(page, 2);
  const rows = await pagePerParent(db, {
    table: boardMembers,
    parent: boardMembers.nin,
    parents: nins,
    orderBy: [sql`${boardMembers.fromDate} desc`, sql`${boardMembers.associationId}`],
    after: after
      ? or(
          lt(boardMembers.fromDate, after[0]!),
          and(eq(boardMembers.fromDate, after[0]!), gt(boardMembers.associationId, after[1]!)),
        )
      : undefined,
    limit: page.limit,
  });
  return rows as Omit<BoardMemberRecord, 'communeCode'>[];
}

export async function eventsOf(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(associationEvents)
    .where(inArray(associationEvents.associationId, [...ids]))
    .orderBy(asc(associationEvents.id));
}

export interface Declaration {
  communeCode: string;
  name: string;
  nameAr: string;
  domain: AssociationRecord['domain'];
  seat: string;
  statutes: string;
  founders: string[];
}

export const replayed = (db: Db, request: IdempotentRequest) =>
  findReplay<{ id: string }>(db, idempotencyKeys, request);

/** Declares an association with its founders and its first step, in one transaction. */
export async function declare(db: Db, d: Declaration, actor: string, request: IdempotentRequest) {
  try {
    return await idempotent(db, idempotencyKeys, request, async (tx) => {
      const key = `ASC-${d.communeCode}`;
      const id = `${key}-${String(await nextSerial(tx, serials, key)).padStart(6, '0')}`;
      const today = new Date().toISOString().slice(0, 10);
      await tx.insert(associations).values({
        id,
        communeCode: d.communeCode,
        name: d.name,
        nameAr: d.nameAr,
        nameKey: nameKey(d.name),
        nameArKey: nameKey(d.nameAr),
        domain: d.domain,
        seat: d.seat,
        statutes: d.statutes,
        status: 'DECLARED',
        declaredOn: today,
        decisionDue: decisionDue(today),
        declaredBy: actor,
      });
      await tx.insert(founders).values(d.founders.map((nin) => ({ associationId: id, nin })));
      await tx.insert(associationEvents).values({
        associationId: id,
        fromStatus: null,
        toStatus: 'DECLARED',
        actor,
        reason: null,
        at: new Date().toISOString(),
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new NameTaken();
    throw error;
  }
}

/** One status change under optimistic locking; false when someone else changed it first. */
export async function changeStatus(
  db: Db,
  change: {
    id: string;
    from: AssociationStatusName;
    to: AssociationStatusName;
    expectedVersion: number;
    reason: string | null;
    actor: string;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const extra: Partial<typeof associations.$inferInsert> = {};
    if (change.to === 'REFUSED') extra.refusalReason = change.reason;
    if (change.to === 'REGISTERED' && change.from === 'DECLARED') {
      const [row] = await tx
        .select({ communeCode: associations.communeCode })
        .from(associations)
        .where(eq(associations.id, change.id));
      const key = `REC-${row!.communeCode}-${now.slice(0, 4)}`;
      extra.registrationNumber = `${key}-${String(await nextSerial(tx, serials, key)).padStart(4, '0')}`;
      extra.registeredOn = now.slice(0, 10);
    }
    const updated = await tx
      .update(associations)
      .set({ status: change.to, version: sql`${associations.version} + 1`, ...extra })
      .where(
        and(
          eq(associations.id, change.id),
          eq(associations.version, change.expectedVersion),
          eq(associations.status, change.from),
        ),
      )
      .returning({ id: associations.id });
    if (updated.length === 0) return false;
    await tx.insert(associationEvents).values({
      associationId: change.id,
      fromStatus: change.from,
      toStatus: change.to,
      actor: change.actor,
      reason: change.reason,
      at: now,
    });
    return true;
  });
}

/**
 * A new board elected at a general assembly: the sitting one ends that day, the new one
 * starts; the assembly is kept.
 */
export async function renewBoard(
  db: Db,
  renewal: {
    associationId: string;
    electedOn: string;
    members: { nin: string; role: BoardRoleName }[];
  },
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const [last] = await tx
      .select({ board: sql<number>`coalesce(max(${boardMembers.board}), 0)::int` })
      .from(boardMembers)
      .where(eq(boardMembers.associationId, renewal.associationId));
    const board = Number(last?.board ?? 0) + 1;
    await tx
      .update(boardMembers)
      .set({ toDate: renewal.electedOn })
      .where(
        and(eq(boardMembers.associationId, renewal.associationId), isNull(boardMembers.toDate)),
      );
    await tx.insert(boardMembers).values(
      renewal.members.map((m) => ({
        associationId: renewal.associationId,
        board,
        nin: m.nin,
        role: m.role,
        fromDate: renewal.electedOn,
      })),
    );
    await tx.insert(generalAssemblies).values({
      associationId: renewal.associationId,
      heldOn: renewal.electedOn,
      kind: 'ELECTIVE',
      summary: `Board ${board} elected (${renewal.members.length} members).`,
    });
    return { board };
  });
}

/** Per commune: associations by domain and status, declarations past the legal delay. */
export async function figures(db: Db, communeCode: string) {
  const counts = await db
    .select({
      domain: associations.domain,
      status: associations.status,
      count: sql<number>`count(*)::int`,
    })
    .from(associations)
    .where(eq(associations.communeCode, communeCode))
    .groupBy(associations.domain, associations.status)
    .orderBy(associations.domain, associations.status);
  const [late] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(associations)
    .where(
      and(
        eq(associations.communeCode, communeCode),
        eq(associations.status, 'DECLARED'),
        lt(associations.decisionDue, sql`current_date`),
      ),
    );
  return {
    counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
    overdue: Number(late?.n ?? 0),
  };
}

export async function subsidiesOf(db: Db, ids: readonly string[], page: Page) {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: subsidies,
    parent: subsidies.associationId,
    parents: ids,
    orderBy: [sql`${subsidies.year} desc`, sql`${subsidies.id} desc`],
    after: after
      ? or(
          lt(subsidies.year, Number(after[0])),
          and(eq(subsidies.year, Number(after[0])), lt(subsidies.id, Number(after[1]))),
        )
      : undefined,
    limit: page.limit,
  })) as SubsidyRecord[];
}

export async function reportsOf(db: Db, ids: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: annualReports,
    parent: annualReports.associationId,
    parents: ids,
    orderBy: [sql`${annualReports.year} desc`],
    after: page.after ? lt(annualReports.year, Number(page.after)) : undefined,
    limit: page.limit,
  })) as AnnualReportRecord[];
}

export const replayedSubsidy = (db: Db, request: IdempotentRequest) =>
  findReplay<{ id: number }>(db, idempotencyKeys, request);

export async function grantSubsidy(
  db: Db,
  row: Omit<SubsidyRecord, 'id'>,
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const [saved] = await tx.insert(subsidies).values(row).returning({ id: subsidies.id });
    return { id: saved!.id };
  });
}

/** Files a year's report; false when that year's report is already filed. */
export async function fileReport(db: Db, row: AnnualReportRecord): Promise<boolean> {
  const saved = await db
    .insert(annualReports)
    .values(row)
    .onConflictDoNothing()
    .returning({ year: annualReports.year });
  return saved.length === 1;
}

/** Per commune: subsidies granted per year (total and associations). */
export async function subsidyFigures(db: Db, communeCode: string) {
  const rows = await db
    .select({
      year: subsidies.year,
      total: sql<number>`sum(${subsidies.amount})::bigint`,
      associations: sql<number>`count(distinct ${subsidies.associationId})::int`,
    })
    .from(subsidies)
    .innerJoin(associations, eq(associations.id, subsidies.associationId))
    .where(eq(associations.communeCode, communeCode))
    .groupBy(subsidies.year)
    .orderBy(subsidies.year);
  return rows.map((r) => ({
    year: r.year,
    total: Number(r.total),
    associations: Number(r.associations),
  }));
}
