import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  establishments,
  idempotencyKeys,
  outbox,
  publicLookups,
  rateLimits,
  requestEvents,
  requests,
  serials,
} from '../../db/tables/hygiene.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { enqueue, type Notification } from '../kit/outbox.js';
import type { Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { PublicLookupStore } from '../kit/public-lookup.js';
import type { RequestEventRecord, RequestRecord } from './request.type.js';
import { CLOSED, REQUEST_STATUSES, deadlineOf, type RequestCategoryName } from './workflow.js';

export const lookupStore: PublicLookupStore = { limits: rateLimits, log: publicLookups };

export async function requestsByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(requests)
    .where(inArray(requests.number, [...numbers]))) as RequestRecord[];
}

export async function eventsOfRequests(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(requestEvents)
    .where(inArray(requestEvents.requestNumber, [...numbers]))
    .orderBy(asc(requestEvents.id))) as RequestEventRecord[];
}

export async function requestsByRequesters(db: Db, nins: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: requests,
    parent: requests.requesterNin,
    parents: nins,
    orderBy: [sql`${requests.number}`],
    after: page.after ? gt(requests.number, page.after) : undefined,
    limit: page.limit,
  })) as RequestRecord[];
}

export interface QueueFilter {
  status?: string | null;
  category?: string | null;
  overdue?: boolean | null;
}

const OPEN = REQUEST_STATUSES.filter((s) => !CLOSED.includes(s));

/** The office's queue: its commune's requests in number order (oldest first). */
export async function communeRequests(
  db: Db,
  communeCode: string,
  filter: QueueFilter,
  page: Page,
) {
  return (await db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.communeCode, communeCode),
        filter.status ? eq(requests.status, filter.status as RequestRecord['status']) : undefined,
        filter.category
          ? eq(requests.category, filter.category as RequestRecord['category'])
          : undefined,
        filter.overdue
          ? and(inArray(requests.status, [...OPEN]), lt(requests.deadline, sql`now()`))
          : undefined,
        page.after ? gt(requests.number, page.after) : undefined,
      ),
    )
    .orderBy(asc(requests.number))
    .limit(page.limit)) as RequestRecord[];
}

export interface NewRequest {
  communeCode: string;
  category: RequestCategoryName;
  place: string;
  text: string;
  establishmentId: string | null;
  requesterNin: string | null;
  contactPhone: string | null;
  channel: 'SIGNED_IN' | 'KIOSK';
}

type Filed = { number: string; status: 'FILED'; deadline: string };

export const replayedFiling = (db: Db, request: IdempotentRequest) =>
  findReplay<Filed>(db, idempotencyKeys, request);

/** Files a request: its number (per commune and year), its deadline, its first step. */
export async function fileRequest(
  db: Db,
  request: NewRequest,
  idempotency: IdempotentRequest,
  actor: { actorKind: string; actor: string },
): Promise<Filed & { replayed: boolean }> {
  const { result, replayed } = await idempotent(db, idempotencyKeys, idempotency, async (tx) => {
    const now = new Date();
    const year = now.toISOString().slice(0, 4);
    const key = `RQ-${request.communeCode}-${year}`;
    const number = `${key}-${String(await nextSerial(tx, serials, key)).padStart(6, '0')}`;
    const deadline = deadlineOf(request.category, now).toISOString();
    await tx.insert(requests).values({
      ...request,
      number,
      status: 'FILED',
      version: 1,
      filedAt: now.toISOString(),
      deadline,
    });
    await tx.insert(requestEvents).values({
      requestNumber: number,
      fromStatus: null,
      toStatus: 'FILED',
      ...actor,
      note: null,
      at: now.toISOString(),
    });
    return { number, status: 'FILED' as const, deadline };
  });
  return { ...result, replayed };
}

export interface RequestMove {
  number: string;
  from: RequestRecord['status'];
  to: RequestRecord['status'];
  expectedVersion: number;
  assignee: string | null;
  note: string | null;
  actor: string;
  actorKind: string;
  /** The SMS to queue in the same transaction, when the move notifies. */
  notification: Omit<Notification, 'reference'> | null;
}

/** One step under optimistic locking; false when someone else moved it first. */
export async function moveRequest(db: Db, move: RequestMove): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const closing = CLOSED.includes(move.to);
    const updated = await tx
      .update(requests)
      .set({
        status: move.to,
        version: sql`${requests.version} + 1`,
        ...(move.assignee ? { assignee: move.assignee } : {}),
        ...(closing ? { closedAt: now, justification: move.note } : {}),
      })
      .where(
        and(
          eq(requests.number, move.number),
          eq(requests.version, move.expectedVersion),
          eq(requests.status, move.from),
        ),
      )
      .returning({ number: requests.number });
    if (updated.length === 0) return false;
    await tx.insert(requestEvents).values({
      requestNumber: move.number,
      fromStatus: move.from,
      toStatus: move.to,
      actorKind: move.actorKind,
      actor: move.actor,
      note: move.note,
      at: now,
    });
    if (move.notification)
      await enqueue(tx, outbox, { ...move.notification, reference: move.number });
    return true;
  });
}

/** Per commune: requests by category and status, median hours to close, overdue ones. */
export async function requestFigures(db: Db, communeCode: string) {
  const counts = await db
    .select({
      category: requests.category,
      status: requests.status,
      count: sql<number>`count(*)::int`,
    })
    .from(requests)
    .where(eq(requests.communeCode, communeCode))
    .groupBy(requests.category, requests.status)
    .orderBy(requests.category, requests.status);
  const [summary] = await db
    .select({
      medianHours: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${requests.closedAt} - ${requests.filedAt})) / 3600.0) filter (where ${requests.status} = 'RESOLVED')`,
      overdue: sql<number>`(count(*) filter (where ${requests.status} in ('FILED', 'ASSIGNED', 'IN_PROGRESS') and ${requests.deadline} < now()))::int`,
    })
    .from(requests)
    .where(eq(requests.communeCode, communeCode));
  return {
    counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
    medianHoursToResolve: summary?.medianHours == null ? null : Number(summary.medianHours),
    overdue: Number(summary?.overdue ?? 0),
  };
}

export async function establishmentCommune(db: Db, id: string) {
  const [row] = await db
    .select({ communeCode: establishments.communeCode })
    .from(establishments)
    .where(eq(establishments.id, id));
  return row?.communeCode ?? null;
}
