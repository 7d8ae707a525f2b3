import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  academicYears,
  enrolmentChanges,
  enrolments,
  idempotencyKeys,
  schools,
} from '../../db/tables/education.js';
import type { SchoolScope } from '../../schema/principal.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { Page } from '../kit/pagination.js';
import { anyOf, prepared } from '../kit/prepared.js';
import type { Grade } from './enrolment.rules.js';
import type { ChangeRecord, EnrolmentRecord, RowResultRecord } from './enrolment.type.js';
import type { SchoolRecord } from './school.type.js';

const selectSchoolsByCodes = prepared<{ codes: string[] }, (typeof schools.$inferSelect)[]>(
  'schools_by_codes',
  (db) => db.select().from(schools).where(anyOf(schools.code, 'codes')),
);

export async function schoolsByCodes(db: Db, codes: readonly string[]): Promise<SchoolRecord[]> {
  if (codes.length === 0) return [];
  return (await selectSchoolsByCodes(db, { codes: [...codes] })) as SchoolRecord[];
}

export async function listSchools(
  db: Db,
  filter: { communeCode?: string | null; wilayaCode?: string | null; level?: string | null },
  page: Page,
): Promise<SchoolRecord[]> {
  return (await db
    .select()
    .from(schools)
    .where(
      and(
        filter.communeCode ? eq(schools.communeCode, filter.communeCode) : undefined,
        filter.wilayaCode ? sql`${schools.code} like ${`${filter.wilayaCode}%`}` : undefined,
        filter.level ? eq(schools.level, filter.level as SchoolRecord['level']) : undefined,
        page.after ? gt(schools.code, page.after) : undefined,
      ),
    )
    .orderBy(asc(schools.code))
    .limit(page.limit)) as SchoolRecord[];
}

/** One page of each commune's schools, in code order. */
export async function schoolsOfCommunes(
  db: Db,
  communeCodes: readonly string[],
  page: Page,
): Promise<SchoolRecord[]> {
  return (await pagePerParent(db, {
    table: schools,
    parent: schools.communeCode,
    parents: communeCodes,
    orderBy: [asc(schools.code)],
    after: page.after !== null ? gt(schools.code, page.after) : undefined,
    limit: page.limit,
  })) as SchoolRecord[];
}

export async function allAcademicYears(db: Db) {
  return db.select().from(academicYears).orderBy(asc(academicYears.code));
}

export async function yearsByCodes(db: Db, codes: readonly string[]) {
  return db
    .select()
    .from(academicYears)
    .where(inArray(academicYears.code, [...codes]));
}

export async function enrolmentsByIds(db: Db, ids: readonly number[]): Promise<EnrolmentRecord[]> {
  return (await db
    .select()
    .from(enrolments)
    .where(inArray(enrolments.id, [...ids]))) as EnrolmentRecord[];
}

const afterId = (page: Page): SQL | undefined => {
  if (page.after === null) return undefined;
  const id = Number(page.after);
  return Number.isSafeInteger(id) ? gt(enrolments.id, id) : sql`false`;
};

/** One page of each school's enrolments of a year, in enrolment order. */
export async function enrolmentsOfSchools(
  db: Db,
  schoolCodes: readonly string[],
  year: string,
  page: Page,
): Promise<EnrolmentRecord[]> {
  return (await pagePerParent(db, {
    table: enrolments,
    parent: enrolments.schoolCode,
    parents: schoolCodes,
    orderBy: [asc(enrolments.id)],
    after: and(eq(enrolments.year, year), afterId(page)),
    limit: page.limit,
  })) as EnrolmentRecord[];
}

/** One page of each pupil's enrolments, oldest first. */
export async function enrolmentsOfPupils(
  db: Db,
  nins: readonly string[],
  page: Page,
): Promise<EnrolmentRecord[]> {
  return (await pagePerParent(db, {
    table: enrolments,
    parent: enrolments.nin,
    parents: nins,
    orderBy: [asc(enrolments.id)],
    after: afterId(page),
    limit: page.limit,
  })) as EnrolmentRecord[];
}

/** Every open enrolment of a school for a year: the roster an export writes. */
export async function rosterOf(
  db: Db,
  schoolCode: string,
  year: string,
): Promise<EnrolmentRecord[]> {
  return (await db
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.schoolCode, schoolCode),
        eq(enrolments.year, year),
        eq(enrolments.status, 'ENROLLED'),
      ),
    )
    .orderBy(
      asc(enrolments.grade),
      asc(enrolments.section),
      asc(enrolments.id),
    )) as EnrolmentRecord[];
}

/** Which of these NINs already have an enrolment open in the year. */
export async function openEnrolmentsOf(
  db: Db,
  nins: readonly string[],
  year: string,
): Promise<Set<string>> {
  if (nins.length === 0) return new Set();
  const rows = await db
    .select({ nin: enrolments.nin })
    .from(enrolments)
    .where(
      and(
        inArray(enrolments.nin, [...nins]),
        eq(enrolments.year, year),
        eq(enrolments.status, 'ENROLLED'),
      ),
    );
  return new Set(rows.map((r) => r.nin));
}

/**
 * Numbers the changes of this transaction in commit order: one lock, taken just before
 * the numbers are drawn and held until commit, so numbers and commits come in the same
 * order and a feed reader never sees a number before a smaller one commits.
 */
async function logChanges(
  tx: Tx,
  changes: { enrolmentId: number; schoolCode: string; kind: ChangeRecord['kind'] }[],
) {
  if (changes.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('education:changes', 0))`);
  await tx.insert(enrolmentChanges).values(changes);
}

export interface GoodRow {
  index: number;
  nin: string;
  grade: Grade;
  section: string;
  fatherNin: string | null;
  motherNin: string | null;
}

export function replayedEnrolment<R>(db: Db, request: IdempotentRequest) {
  return findReplay<R>(db, idempotencyKeys, request);
}

/**
 * Enrols the rows that passed every check, in one transaction with the idempotency record.
 * A pupil with an enrolment already open that year is not inserted (the unique index
 * decides, also against a concurrent request) and is answered ALREADY_ENROLLED.
 */
export async function enrolRows(
  db: Db,
  target: { schoolCode: string; year: string; startDate: string },
  good: GoodRow[],
  refused: RowResultRecord[],
  request: IdempotentRequest,
): Promise<{ results: RowResultRecord[]; replayed: boolean }> {
  const { result, replayed } = await idempotent(db, idempotencyKeys, request, async (tx) => {
    const inserted =
      good.length === 0
        ? []
        : await tx
            .insert(enrolments)
            .values(
              good.map((r) => ({
                nin: r.nin,
                schoolCode: target.schoolCode,
                year: target.year,
                grade: r.grade,
                section: r.section,
                startDate: target.startDate,
                status: 'ENROLLED' as const,
                fatherNin: r.fatherNin,
                motherNin: r.motherNin,
              })),
            )
            .onConflictDoNothing({
              target: [enrolments.nin, enrolments.year],
              where: sql`status = 'ENROLLED'`,
            })
            .returning({ id: enrolments.id, nin: enrolments.nin });
    const idOf = new Map(inserted.map((r) => [r.nin, r.id]));
    await logChanges(
      tx,
      inserted.map((r) => ({ enrolmentId: r.id, schoolCode: target.schoolCode, kind: 'ENROLLED' })),
    );
    const results: RowResultRecord[] = [
      ...refused,
      ...good.map((r): RowResultRecord => {
        const id = idOf.get(r.nin);
        return id !== undefined
          ? {
              index: r.index,
              nin: r.nin,
              outcome: 'ENROLLED',
              code: null,
              message: null,
              enrolmentId: id,
            }
          : {
              index: r.index,
              nin: r.nin,
              outcome: 'REFUSED',
              code: 'ALREADY_ENROLLED',
              message: `this pupil already has an open enrolment in ${target.year}; transfer it instead`,
              enrolmentId: null,
            };
      }),
    ].sort((a, b) => a.index - b.index);
    return { results };
  });
  return { results: result.results, replayed };
}

export class EnrolmentRefused extends Error {
  constructor(
    readonly code: 'ENROLMENT_NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

/** The open enrolment of a pupil in a year, if any. */
export async function openEnrolment(
  db: Db,
  nin: string,
  year: string,
): Promise<EnrolmentRecord | null> {
  const [row] = await db
    .select()
    .from(enrolments)
    .where(
      and(eq(enrolments.nin, nin), eq(enrolments.year, year), eq(enrolments.status, 'ENROLLED')),
    );
  return (row as EnrolmentRecord | undefined) ?? null;
}

/**
 * A transfer in one transaction: the open enrolment is locked and closed (TRANSFERRED),
 * the new one opened at the destination; both changes go to the feed. Any refusal rolls
 * everything back.
 */
export async function transferPupil(
  db: Db,
  t: {
    nin: string;
    year: string;
    toSchoolCode: string;
    grade: Grade;
    section: string;
    date: string;
  },
  request: IdempotentRequest,
): Promise<{ result: { enrolmentId: number; previousSchoolCode: string }; replayed: boolean }> {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const [open] = await tx
      .select()
      .from(enrolments)
      .where(
        and(
          eq(enrolments.nin, t.nin),
          eq(enrolments.year, t.year),
          eq(enrolments.status, 'ENROLLED'),
        ),
      )
      .for('update');
    if (!open)
      throw new EnrolmentRefused(
        'ENROLMENT_NOT_FOUND',
        `this pupil has no open enrolment in ${t.year} to transfer`,
      );
    if (open.schoolCode === t.toSchoolCode)
      throw new EnrolmentRefused('BAD_USER_INPUT', 'the pupil is already enrolled at that school');
    if (t.date < open.startDate)
      throw new EnrolmentRefused(
        'BAD_USER_INPUT',
        `the transfer cannot be dated before the enrolment began (${open.startDate})`,
      );
    await tx
      .update(enrolments)
      .set({ status: 'TRANSFERRED', endDate: t.date, version: sql`${enrolments.version} + 1` })
      .where(eq(enrolments.id, open.id));
    const [opened] = await tx
      .insert(enrolments)
      .values({
        nin: t.nin,
        schoolCode: t.toSchoolCode,
        year: t.year,
        grade: t.grade,
        section: t.section,
        startDate: t.date,
        status: 'ENROLLED',
        fatherNin: open.fatherNin,
        motherNin: open.motherNin,
      })
      .returning({ id: enrolments.id });
    await logChanges(tx, [
      { enrolmentId: open.id, schoolCode: open.schoolCode, kind: 'TRANSFERRED' },
      { enrolmentId: opened!.id, schoolCode: t.toSchoolCode, kind: 'ENROLLED' },
    ]);
    return { enrolmentId: opened!.id, previousSchoolCode: open.schoolCode };
  });
}

/** Completes an open enrolment with its result; false when it is not open (any more). */
export async function recordResult(
  db: Db,
  r: {
    id: number;
    average: number;
    decision: EnrolmentRecord['decision'] & string;
    endDate: string;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(enrolments)
      .set({
        average: r.average,
        decision: r.decision,
        status: 'COMPLETED',
        endDate: r.endDate,
        version: sql`${enrolments.version} + 1`,
      })
      .where(and(eq(enrolments.id, r.id), eq(enrolments.status, 'ENROLLED')))
      .returning({ schoolCode: enrolments.schoolCode });
    if (updated.length === 0) return false;
    await logChanges(tx, [
      { enrolmentId: r.id, schoolCode: updated[0]!.schoolCode, kind: 'RESULT' },
    ]);
    return true;
  });
}

/** The scope of a feed or list as SQL on a school code column. */
function schoolFilter(column: typeof enrolmentChanges.schoolCode, reach: 'ALL' | SchoolScope) {
  if (reach === 'ALL') return undefined;
  return 'schools' in reach
    ? inArray(column, [...reach.schools])
    : sql`${column} like ${`${reach.wilaya}%`}`;
}

/** Changes after a position, in commit order, within the caller's schools. */
export async function changesAfter(
  db: Db,
  reach: 'ALL' | SchoolScope,
  page: Page,
): Promise<ChangeRecord[]> {
  const after = page.after === null ? 0 : Number(page.after);
  if (!Number.isSafeInteger(after)) return [];
  return (await db
    .select()
    .from(enrolmentChanges)
    .where(and(gt(enrolmentChanges.seq, after), schoolFilter(enrolmentChanges.schoolCode, reach)))
    .orderBy(asc(enrolmentChanges.seq))
    .limit(page.limit)) as ChangeRecord[];
}

/** Pupils of a year per (school, grade) in a wilaya, with each school's commune and capacity. */
export async function pupilCounts(db: Db, year: string, wilayaCode: string) {
  const rows = await db
    .select({
      schoolCode: enrolments.schoolCode,
      communeCode: schools.communeCode,
      capacity: schools.capacity,
      grade: enrolments.grade,
      pupils: sql<number>`count(*)::int`,
      promoted: sql<number>`count(*) filter (where ${enrolments.decision} = 'PROMOTED')::int`,
      repeats: sql<number>`count(*) filter (where ${enrolments.decision} = 'REPEATS')::int`,
      decided: sql<number>`count(${enrolments.decision})::int`,
    })
    .from(enrolments)
    .innerJoin(schools, eq(schools.code, enrolments.schoolCode))
    .where(
      and(
        eq(enrolments.year, year),
        inArray(enrolments.status, ['ENROLLED', 'COMPLETED']),
        sql`${enrolments.schoolCode} like ${`${wilayaCode}%`}`,
      ),
    )
    .groupBy(enrolments.schoolCode, schools.communeCode, schools.capacity, enrolments.grade);
  return rows.map((r) => ({
    ...r,
    pupils: Number(r.pupils),
    promoted: Number(r.promoted),
    repeats: Number(r.repeats),
    decided: Number(r.decided),
  }));
}

/** Which of these NINs have any enrolment in the year. */
export async function enrolledAmong(db: Db, nins: readonly string[], year: string) {
  if (nins.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ nin: enrolments.nin })
    .from(enrolments)
    .where(and(inArray(enrolments.nin, [...nins]), eq(enrolments.year, year)));
  return new Set(rows.map((r) => r.nin));
}
