import { and, asc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import { caseEvents, cases, hearings, idempotencyKeys, serials } from '../../db/tables/disputes.js';
import type { ErrorCode } from '../kit/errors.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { centimesOf } from '../kit/money.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { Page } from '../kit/pagination.js';
import type { CaseRecord, CaseStatus, Decision } from './case.type.js';
import {
  APPEAL,
  BEFORE_THE_COURT,
  BY_JUDGMENT_ONLY,
  TRANSITIONS,
  appealDeadline,
  mayMove,
  type CaseStatusName,
} from './workflow.js';

/** A refusal decided inside a transaction: nothing of it is written. */
export class CaseRefused extends Error {
  constructor(
    readonly code: keyof typeof ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function casesByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(cases)
    .where(inArray(cases.number, [...numbers]))) as CaseRecord[];
}

export async function casesOfCommune(
  db: Db,
  communeCode: string,
  status: CaseStatus | null,
  page: Page,
) {
  return (await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.communeCode, communeCode),
        status ? eq(cases.status, status) : undefined,
        page.after !== null ? gt(cases.number, page.after) : undefined,
      ),
    )
    .orderBy(asc(cases.number))
    .limit(page.limit)) as CaseRecord[];
}

export async function casePagesByParty(db: Db, nins: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: cases,
    parent: cases.partyNin,
    parents: nins,
    orderBy: [asc(cases.number)],
    after: page.after !== null ? gt(cases.number, page.after) : undefined,
    limit: page.limit,
  })) as CaseRecord[];
}

export async function casesOfLeases(db: Db, leaseNumbers: readonly string[]) {
  return (await db
    .select()
    .from(cases)
    .where(inArray(cases.leaseNumber, [...leaseNumbers]))
    .orderBy(asc(cases.number))) as CaseRecord[];
}

export async function hearingsOf(db: Db, numbers: readonly string[]) {
  return db
    .select()
    .from(hearings)
    .where(inArray(hearings.caseNumber, [...numbers]))
    .orderBy(asc(hearings.date), asc(hearings.id));
}

export async function eventsOf(db: Db, numbers: readonly string[]) {
  return db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseNumber, [...numbers]))
    .orderBy(asc(caseEvents.id));
}

export type NewCase = Omit<
  CaseRecord,
  'number' | 'status' | 'judgmentDate' | 'decision' | 'amountAwardedCentimes' | 'version'
>;

/** The stored answer of an earlier write with this key, or null: a retry is answered from it. */
export function replayedWrite(db: Db, request: IdempotentRequest) {
  return findReplay<{ number: string }>(db, idempotencyKeys, request);
}

export async function openCase(db: Db, c: NewCase, actor: string, request: IdempotentRequest) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    if (c.noticeNumber) {
      const [existing] = await tx
        .select({ number: cases.number })
        .from(cases)
        .where(eq(cases.noticeNumber, c.noticeNumber));
      if (existing)
        throw new CaseRefused(
          'CASE_ALREADY_OPEN',
          `case ${existing.number} was already opened from notice ${c.noticeNumber}`,
          'noticeNumber',
        );
    }
    const year = c.openedOn.slice(0, 4);
    const n = await nextSerial(tx, serials, `case:${c.communeCode}:${year}`);
    const number = `AFF-${c.communeCode}-${year}-${String(n).padStart(5, '0')}`;
    await tx.insert(cases).values({ ...c, number, status: 'OPEN' });
    await tx.insert(caseEvents).values({
      caseNumber: number,
      fromStatus: null,
      toStatus: 'OPEN',
      level: c.level,
      at: new Date().toISOString(),
      actor,
      note: c.noticeNumber ? `opened from formal notice ${c.noticeNumber}` : null,
    });
    return { number };
  });
}

async function lockedCase(tx: Tx, number: string, communeCode: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.number, number)).for('update');
  if (!c || c.communeCode !== communeCode)
    throw new CaseRefused(
      'CASE_NOT_FOUND',
      `no case ${number} of commune ${communeCode}`,
      'number',
    );
  return c as CaseRecord;
}

async function step(
  tx: Tx,
  c: CaseRecord,
  to: CaseStatusName,
  actor: string,
  set: Partial<typeof cases.$inferInsert>,
  note: string | null,
) {
  await tx
    .update(cases)
    .set({ ...set, status: to, version: sql`${cases.version} + 1` })
    .where(eq(cases.number, c.number));
  await tx.insert(caseEvents).values({
    caseNumber: c.number,
    fromStatus: c.status,
    toStatus: to,
    level: set.level ?? c.level,
    at: new Date().toISOString(),
    actor,
    note,
  });
}

export async function recordHearing(
  db: Db,
  h: { number: string; communeCode: string; date: string; outcome: string; actor: string },
) {
  await db.transaction(async (tx) => {
    const c = await lockedCase(tx, h.number, h.communeCode);
    if (!BEFORE_THE_COURT.includes(c.status))
      throw new CaseRefused(
        'ILLEGAL_TRANSITION',
        `case ${c.number} is ${c.status}: no court hears it now (appeal a judgment first)`,
        'number',
      );
    if (h.date < c.openedOn)
      throw new CaseRefused(
        'INVALID_DATE',
        `a hearing cannot precede the opening (${c.openedOn})`,
        'date',
      );
    await tx.insert(hearings).values({
      caseNumber: c.number,
      level: c.level,
      date: h.date,
      outcome: h.outcome,
      recordedBy: h.actor,
    });
  });
}

export async function recordJudgment(
  db: Db,
  j: {
    number: string;
    communeCode: string;
    date: string;
    decision: Decision;
    amountAwardedCentimes: number | null;
    actor: string;
  },
) {
  await db.transaction(async (tx) => {
    const c = await lockedCase(tx, j.number, j.communeCode);
    if (!mayMove(c.status, 'JUDGED'))
      throw new CaseRefused(
        'ILLEGAL_TRANSITION',
        `case ${c.number} is ${c.status}: it cannot be judged now`,
        'number',
      );
    const [heard] = await tx
      .select({ last: sql<string | null>`max(${hearings.date})::text` })
      .from(hearings)
      .where(and(eq(hearings.caseNumber, c.number), eq(hearings.level, c.level)));
    if (!heard?.last)
      throw new CaseRefused(
        'CASE_NOT_HEARD',
        `case ${c.number} has had no hearing at the ${c.level} level: record one before its judgment`,
        'number',
      );
    if (j.date < heard.last)
      throw new CaseRefused(
        'INVALID_DATE',
        `the judgment cannot precede the last hearing (${heard.last})`,
        'date',
      );
    await step(
      tx,
      c,
      'JUDGED',
      j.actor,
      {
        judgmentDate: j.date,
        decision: j.decision,
        amountAwardedCentimes: j.amountAwardedCentimes,
      },
      `${j.decision} at ${c.level}`,
    );
  });
}

/** Any other move: appeal (within the deadline, to the next level), close, settle, withdraw. */
export async function moveCase(
  db: Db,
  m: {
    number: string;
    communeCode: string;
    to: CaseStatusName;
    today: string;
    note: string | null;
    actor: string;
  },
) {
  await db.transaction(async (tx) => {
    const c = await lockedCase(tx, m.number, m.communeCode);
    if (BY_JUDGMENT_ONLY.includes(m.to))
      throw new CaseRefused(
        'ILLEGAL_TRANSITION',
        'a case is JUDGED by recording its judgment',
        'to',
      );
    if (!mayMove(c.status, m.to))
      throw new CaseRefused(
        'ILLEGAL_TRANSITION',
        `case ${c.number} is ${c.status}: it may move to ${TRANSITIONS[c.status].join(', ') || 'nothing'}, not ${m.to}`,
        'to',
      );
    const set: Partial<typeof cases.$inferInsert> = {};
    if (m.to === 'APPEALED') {
      const next = APPEAL[c.level];
      const deadline = appealDeadline(c.level, c.judgmentDate);
      if (!next || !deadline)
        throw new CaseRefused('ILLEGAL_TRANSITION', `a judgment of the ${c.level} is final`, 'to');
      if (m.today > deadline)
        throw new CaseRefused(
          'APPEAL_DEADLINE_PASSED',
          `the appeal deadline was ${deadline}`,
          'to',
        );
      set.level = next.to;
    }
    await step(tx, c, m.to, m.actor, set, m.note);
  });
}

/** A commune's litigation in figures: open cases, amounts at stake, judgments won and lost. */
export async function figuresOf(db: Db, communeCode: string) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${cases.status} in ('OPEN', 'APPEALED'))::int`,
      atStake: sql<string>`coalesce(sum(${cases.amountClaimedCentimes}) filter (where ${cases.status} in ('OPEN', 'APPEALED')), 0)::bigint`,
      won: sql<number>`count(*) filter (where ${cases.decision} = 'WON')::int`,
      lost: sql<number>`count(*) filter (where ${cases.decision} = 'LOST')::int`,
      partly: sql<number>`count(*) filter (where ${cases.decision} = 'PARTLY_WON')::int`,
    })
    .from(cases)
    .where(eq(cases.communeCode, communeCode));
  return {
    open: Number(row?.open ?? 0),
    atStakeCentimes: centimesOf(row?.atStake ?? 0),
    won: Number(row?.won ?? 0),
    lost: Number(row?.lost ?? 0),
    partlyWon: Number(row?.partly ?? 0),
  };
}

/** Judged cases of a commune whose judgment was given in a window (their appeal deadline is computed from it). */
export async function judgedBetween(db: Db, communeCode: string, from: string, to: string) {
  return (await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.communeCode, communeCode),
        eq(cases.status, 'JUDGED'),
        gte(cases.judgmentDate, from),
        lte(cases.judgmentDate, to),
      ),
    )
    .orderBy(asc(cases.judgmentDate), asc(cases.number))
    .limit(500)) as CaseRecord[];
}
