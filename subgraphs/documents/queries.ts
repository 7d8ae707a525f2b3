import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import { randomBytes } from 'node:crypto';
import {
  applicationEvents,
  applications,
  documents,
  idempotencyKeys,
  OPEN_STATUSES,
  outbox,
  publicLookups,
  rateLimits,
  serials,
} from '../../db/tables/documents.js';
import { hashTrackingCode, makeTrackingCode } from '../../schema/tracking-code.js';
import type { PublicLookupStore } from '../kit/public-lookup.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { keyParts, type Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import { enqueue } from '../kit/outbox.js';
import type { ApplicationEventRecord, ApplicationRecord } from './application.type.js';
import type { DocumentRecord } from './document.type.js';
import { PROCEDURES, addYears, type DocumentTypeName } from './procedures.js';

/** One page of each holder's documents, newest first (issue date, then number). */
export async function documentsByHolders(
  db: Db,
  nins: readonly string[],
  page: Page,
): Promise<DocumentRecord[]> {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: documents,
    parent: documents.holderNin,
    parents: nins,
    orderBy: [desc(documents.issueDate), asc(documents.number)],
    after: after
      ? or(
          lt(documents.issueDate, after[0]!),
          and(eq(documents.issueDate, after[0]!), gt(documents.number, after[1]!)),
        )
      : undefined,
    limit: page.limit,
    name: 'documents_of_holders',
  })) as DocumentRecord[];
}

export async function documentsByNumbers(
  db: Db,
  numbers: readonly string[],
): Promise<DocumentRecord[]> {
  return (await db
    .select()
    .from(documents)
    .where(inArray(documents.number, [...numbers]))) as DocumentRecord[];
}

/** One page of each applicant's applications, newest first (submission, then number). */
export async function applicationsByNins(
  db: Db,
  nins: readonly string[],
  page: Page,
): Promise<ApplicationRecord[]> {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: applications,
    parent: applications.nin,
    parents: nins,
    orderBy: [desc(applications.submittedAt), desc(applications.number)],
    after: after
      ? sql`(${applications.submittedAt}, ${applications.number}) < (${after[0]}::timestamptz, ${after[1]})`
      : undefined,
    limit: page.limit,
  })) as ApplicationRecord[];
}

export async function applicationsByNumbers(
  db: Db,
  numbers: readonly string[],
): Promise<ApplicationRecord[]> {
  return (await db
    .select()
    .from(applications)
    .where(inArray(applications.number, [...numbers]))) as ApplicationRecord[];
}

export async function eventsOf(
  db: Db,
  numbers: readonly string[],
): Promise<ApplicationEventRecord[]> {
  return db
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationNumber, [...numbers]))
    .orderBy(asc(applicationEvents.id));
}

/** One page of a commune's queue, oldest first (first come, first served). */
export async function communeQueue(
  db: Db,
  communeCode: string,
  filter: { status?: string | null; type?: string | null },
  page: Page,
): Promise<ApplicationRecord[]> {
  return (await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.counterCommuneCode, communeCode),
        filter.status
          ? eq(applications.status, filter.status as ApplicationRecord['status'])
          : undefined,
        filter.type ? eq(applications.type, filter.type as DocumentTypeName) : undefined,
        page.after ? gt(applications.number, page.after) : undefined,
      ),
    )
    .orderBy(asc(applications.number))
    .limit(page.limit)) as ApplicationRecord[];
}

/** Where the kiosk and the document check keep their rate counters and lookup log. */
export const lookupStore: PublicLookupStore = { limits: rateLimits, log: publicLookups };

/** A fresh receipt code from the system's CSPRNG: 10 bytes, 5 bits used from each. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  let i = 0;
  return makeTrackingCode(() => bytes[i++]!);
}

/**
 * Replaces an application's tracking code (the receipt was lost, or the application
 * predates codes) and returns the new one; the old one stops working at once.
 */
export async function reissueTrackingCode(db: Db, number: string): Promise<string> {
  const code = newTrackingCode();
  await db
    .update(applications)
    .set({ trackingCodeHash: hashTrackingCode(number, code) })
    .where(eq(applications.number, number));
  return code;
}

export const DOCUMENT_PREFIX: Record<DocumentTypeName, string> = {
  PASSPORT: 'P',
  NATIONAL_ID_CARD: 'C',
  DRIVING_LICENCE: 'L',
};

/** Document number: type letter, wilaya of the issuing commune, 7-digit serial (e.g. P160000123). */
export async function nextDocumentNumber(
  tx: Tx,
  type: DocumentTypeName,
  communeCode: string,
): Promise<string> {
  const key = `${DOCUMENT_PREFIX[type]}${communeCode.slice(0, 2)}`;
  return `${key}${String(await nextSerial(tx, serials, key)).padStart(7, '0')}`;
}

export interface NewApplication {
  nin: string;
  type: DocumentTypeName;
  categories: string[];
  reason: 'FIRST' | 'RENEWAL' | 'LOSS' | 'THEFT' | 'DAMAGE';
  applicantBirthDate: string;
  counterCommuneCode: string;
  contactPhone: string;
}

export type SubmitRefusal =
  'DUPLICATE_APPLICATION' | 'NO_DOCUMENT_TO_REPLACE' | 'ALREADY_HOLDS_DOCUMENT';

export class SubmitRefused extends Error {
  constructor(
    readonly code: SubmitRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The earlier result of a retried submission, found before the registry is consulted again. */
export function replayedSubmission(db: Db, request: IdempotentRequest) {
  return findReplay<{ number: string }>(db, idempotencyKeys, request);
}

/**
 * Files an application in one transaction: no other open application of that type, a
 * document to replace when the reason says so (marked LOST or STOLEN at once for a loss
 * or theft), the application and its first event. Safe to retry with the same key.
 */
export async function submitApplication(
  db: Db,
  app: NewApplication,
  request: IdempotentRequest,
  actor: { actor: string; actorKind: string },
): Promise<{ number: string; replayed: boolean; trackingCode: string | null }> {
  // The code leaves only in this first answer: the stored result of the key (and so a
  // replay) never holds it, and the table holds its hash.
  let trackingCode: string | null = null;
  const { result, replayed } = await idempotent(db, idempotencyKeys, request, async (tx) => {
    const open = await tx
      .select({ number: applications.number })
      .from(applications)
      .where(
        and(
          eq(applications.nin, app.nin),
          eq(applications.type, app.type),
          inArray(applications.status, [...OPEN_STATUSES]),
        ),
      );
    if (open.length > 0) {
      throw new SubmitRefused(
        'DUPLICATE_APPLICATION',
        `application ${open[0]!.number} for this document is still open`,
      );
    }
    const held = await tx
      .select()
      .from(documents)
      .where(
        and(
          eq(documents.holderNin, app.nin),
          eq(documents.type, app.type),
          inArray(documents.status, ['ACTIVE', 'EXPIRED']),
        ),
      )
      .orderBy(desc(documents.issueDate))
      .limit(1);
    const current = held[0];
    if (app.reason === 'FIRST' && current?.status === 'ACTIVE') {
      throw new SubmitRefused(
        'ALREADY_HOLDS_DOCUMENT',
        `the citizen already holds an active ${app.type} (${current.number}); choose RENEWAL, LOSS, THEFT or DAMAGE`,
      );
    }
    if (app.reason !== 'FIRST' && !current) {
      throw new SubmitRefused(
        'NO_DOCUMENT_TO_REPLACE',
        `reason ${app.reason} needs a ${app.type} to replace, and the citizen has none; choose FIRST`,
      );
    }
    if (current && (app.reason === 'LOSS' || app.reason === 'THEFT')) {
      await tx
        .update(documents)
        .set({ status: app.reason === 'LOSS' ? 'LOST' : 'STOLEN' })
        .where(eq(documents.number, current.number));
    }
    const now = new Date().toISOString();
    const number = `APP-${now.slice(0, 4)}-${String(await nextSerial(tx, serials, `APP-${now.slice(0, 4)}`)).padStart(8, '0')}`;
    trackingCode = newTrackingCode();
    await tx.insert(applications).values({
      ...app,
      number,
      trackingCodeHash: hashTrackingCode(number, trackingCode),
      status: 'SUBMITTED',
      version: 1,
      previousDocumentNumber: app.reason === 'FIRST' ? null : (current?.number ?? null),
      submittedBy: actor.actor,
      submittedAt: now,
      updatedAt: now,
    });
    await tx.insert(applicationEvents).values({
      applicationNumber: number,
      fromStatus: null,
      toStatus: 'SUBMITTED',
      actorKind: actor.actorKind,
      actor: actor.actor,
      reason: null,
      at: now,
    });
    return { number };
  });
  return { number: result.number, replayed, trackingCode: replayed ? null : trackingCode };
}

export interface StatusChange {
  number: string;
  from: ApplicationRecord['status'];
  to: ApplicationRecord['status'];
  expectedVersion: number;
  reason: string | null;
  actor: string;
  actorKind: string;
  /** The SMS to queue in the same transaction, if this status notifies. */
  notification: { kind: string; recipient: string; message: string } | null;
}

/**
 * Applies one transition under optimistic locking: the row changes only if it still has
 * the version (and status) the caller saw. Returns false when someone else got there first.
 */
export async function changeStatus(db: Db, change: StatusChange): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const updated = await tx
      .update(applications)
      .set({
        status: change.to,
        version: sql`${applications.version} + 1`,
        updatedAt: now,
        ...(change.to === 'REJECTED' ? { rejectionReason: change.reason } : {}),
        ...(change.to === 'DELIVERED' ? { deliveredAt: now } : {}),
      })
      .where(
        and(
          eq(applications.number, change.number),
          eq(applications.version, change.expectedVersion),
          eq(applications.status, change.from),
        ),
      )
      .returning();
    const app = updated[0];
    if (!app) return false;
    await tx.insert(applicationEvents).values({
      applicationNumber: change.number,
      fromStatus: change.from,
      toStatus: change.to,
      actorKind: change.actorKind,
      actor: change.actor,
      reason: change.reason,
      at: now,
    });
    if (change.to === 'DELIVERED')
      await deliverDocument(tx, app as ApplicationRecord, now.slice(0, 10));
    if (change.notification) {
      await enqueue(tx, outbox, { ...change.notification, reference: change.number });
    }
    return true;
  });
}

/** The new document exists; the one it replaces (renewal, damage) is REPLACED; LOST/STOLEN stay. */
async function deliverDocument(tx: Tx, app: ApplicationRecord, today: string): Promise<void> {
  const number = await nextDocumentNumber(tx, app.type, app.counterCommuneCode);
  await tx
    .update(documents)
    .set({ status: 'REPLACED' })
    .where(
      and(
        eq(documents.holderNin, app.nin),
        eq(documents.type, app.type),
        inArray(documents.status, ['ACTIVE', 'EXPIRED']),
      ),
    );
  await tx.insert(documents).values({
    number,
    type: app.type,
    categories: app.categories,
    holderNin: app.nin,
    issuingCommuneCode: app.counterCommuneCode,
    issueDate: today,
    expiryDate: addYears(today, PROCEDURES[app.type].validityYears),
    status: 'ACTIVE',
    applicationNumber: app.number,
  });
  await tx
    .update(applications)
    .set({ documentNumber: number })
    .where(eq(applications.number, app.number));
}

export async function documentStatistics(db: Db, from: string, to: string) {
  const rows = await db
    .select({
      type: documents.type,
      wilayaCode: sql<string>`substr(${documents.issuingCommuneCode}, 1, 2)`,
      count: sql<number>`count(*)`,
    })
    .from(documents)
    .where(and(gte(documents.issueDate, from), lt(documents.issueDate, to)))
    .groupBy(documents.type, sql`substr(${documents.issuingCommuneCode}, 1, 2)`)
    .orderBy(documents.type, sql`substr(${documents.issuingCommuneCode}, 1, 2)`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function applicationStatusCounts(db: Db) {
  const rows = await db
    .select({ status: applications.status, count: sql<number>`count(*)` })
    .from(applications)
    .groupBy(applications.status)
    .orderBy(applications.status);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function processingTimes(db: Db, from: string, to: string) {
  const rows = await db
    .select({
      communeCode: applications.counterCommuneCode,
      medianDays: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from (${applications.deliveredAt} - ${applications.submittedAt})) / 86400.0)`,
      delivered: sql<number>`count(*)`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.status, 'DELIVERED'),
        gte(applications.deliveredAt, from),
        lt(applications.deliveredAt, to),
      ),
    )
    .groupBy(applications.counterCommuneCode)
    .orderBy(applications.counterCommuneCode);
  return rows.map((r) => ({
    communeCode: r.communeCode,
    medianDays: Number(r.medianDays),
    delivered: Number(r.delivered),
  }));
}
