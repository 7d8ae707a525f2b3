import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  certificateRequestEvents,
  certificateRequests,
  idempotencyKeys,
  outbox,
  serials,
} from '../../db/tables/citizens.js';
import { hashTrackingCode, makeTrackingCode } from '../../schema/tracking-code.js';
import { randomBytes } from 'node:crypto';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { enqueue, type Notification } from '../kit/outbox.js';
import { keyParts, type Page } from '../kit/pagination.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { CertificateTypeName } from './certificate.procedures.js';
import type {
  CertificateRequestEventRecord,
  CertificateRequestRecord,
} from './certificate.type.js';

export async function certificateRequestsByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(certificateRequests)
    .where(inArray(certificateRequests.number, [...numbers]))) as CertificateRequestRecord[];
}

export async function certificateEventsOf(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(certificateRequestEvents)
    .where(inArray(certificateRequestEvents.requestNumber, [...numbers]))
    .orderBy(asc(certificateRequestEvents.id))) as CertificateRequestEventRecord[];
}

/** One page of each citizen's certificate requests, newest first (submission, then number). */
export async function certificateRequestsByNins(db: Db, nins: readonly string[], page: Page) {
  const after = keyParts(page, 2);
  return (await pagePerParent(db, {
    table: certificateRequests,
    parent: certificateRequests.nin,
    parents: nins,
    orderBy: [desc(certificateRequests.submittedAt), desc(certificateRequests.number)],
    after: after
      ? sql`(${certificateRequests.submittedAt}, ${certificateRequests.number}) < (${after[0]}::timestamptz, ${after[1]})`
      : undefined,
    limit: page.limit,
  })) as CertificateRequestRecord[];
}

/** The office's queue: its commune's requests in number order (oldest first). */
export async function communeCertificateQueue(
  db: Db,
  communeCode: string,
  filter: { status?: string | null; type?: string | null },
  page: Page,
) {
  return (await db
    .select()
    .from(certificateRequests)
    .where(
      and(
        eq(certificateRequests.communeCode, communeCode),
        filter.status
          ? eq(certificateRequests.status, filter.status as CertificateRequestRecord['status'])
          : undefined,
        filter.type ? eq(certificateRequests.type, filter.type as CertificateTypeName) : undefined,
        page.after ? gt(certificateRequests.number, page.after) : undefined,
      ),
    )
    .orderBy(asc(certificateRequests.number))
    .limit(page.limit)) as CertificateRequestRecord[];
}

export interface NewCertificateRequest {
  nin: string;
  type: CertificateTypeName;
  reason: string;
  address: string | null;
  communeCode: string;
  channel: 'ONLINE' | 'KIOSK' | 'COUNTER';
  contactPhone: string;
  applicantBirthDate: string;
}

export class DuplicateCertificateRequest extends Error {
  constructor(readonly open: string) {
    super(`request ${open} for this certificate is not decided yet`);
  }
}

type Filed = { number: string };

export const replayedCertificateRequest = (db: Db, request: IdempotentRequest) =>
  findReplay<Filed>(db, idempotencyKeys, request);

/**
 * Files a request in one transaction: no other undecided request of that type for that
 * person (the partial unique index settles races), its number, its first step. Safe to
 * retry with the same key; the tracking code leaves in the first answer only.
 */
export async function fileCertificateRequest(
  db: Db,
  request: NewCertificateRequest,
  idempotency: IdempotentRequest,
  actor: { actorKind: string; actor: string },
): Promise<Filed & { replayed: boolean; trackingCode: string | null }> {
  let trackingCode: string | null = null;
  const { result, replayed } = await idempotent(db, idempotencyKeys, idempotency, async (tx) => {
    const [open] = await tx
      .select({ number: certificateRequests.number })
      .from(certificateRequests)
      .where(
        and(
          eq(certificateRequests.nin, request.nin),
          eq(certificateRequests.type, request.type),
          eq(certificateRequests.status, 'SUBMITTED'),
        ),
      );
    if (open) throw new DuplicateCertificateRequest(open.number);
    const now = new Date().toISOString();
    const key = `CRT-${request.communeCode}-${now.slice(0, 4)}`;
    const number = `${key}-${String(await nextSerial(tx, serials, key)).padStart(6, '0')}`;
    const bytes = randomBytes(10);
    let i = 0;
    trackingCode = makeTrackingCode(() => bytes[i++]!);
    await tx.insert(certificateRequests).values({
      ...request,
      number,
      trackingCodeHash: hashTrackingCode(number, trackingCode),
      status: 'SUBMITTED',
      version: 1,
      submittedAt: now,
    });
    await tx.insert(certificateRequestEvents).values({
      requestNumber: number,
      fromStatus: null,
      toStatus: 'SUBMITTED',
      ...actor,
      note: null,
      at: now,
    });
    return { number };
  });
  return { ...result, replayed, trackingCode: replayed ? null : trackingCode };
}

export interface CertificateDecisionMove {
  number: string;
  to: 'APPROVED' | 'REFUSED';
  expectedVersion: number;
  justification: string | null;
  actor: string;
  notification: Omit<Notification, 'reference'>;
  /** Signs the certificate in the decision's transaction (approval only). */
  sign: ((tx: Db) => Promise<{ credential: string; code: string }>) | null;
}

/**
 * The decision in one transaction under optimistic locking: the status, the signed
 * certificate, the step and the SMS commit together or not at all. False when someone
 * else decided first (nothing is written, no extract is left behind).
 */
export async function decideCertificateRequest(
  db: Db,
  move: CertificateDecisionMove,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const updated = await tx
      .update(certificateRequests)
      .set({
        status: move.to,
        version: sql`${certificateRequests.version} + 1`,
        justification: move.justification,
        decidedAt: now,
      })
      .where(
        and(
          eq(certificateRequests.number, move.number),
          eq(certificateRequests.version, move.expectedVersion),
          eq(certificateRequests.status, 'SUBMITTED'),
        ),
      )
      .returning({ number: certificateRequests.number });
    if (updated.length === 0) return false;
    if (move.sign) {
      const signed = await move.sign(tx as unknown as Db);
      await tx
        .update(certificateRequests)
        .set({ credential: signed.credential, certificateCode: signed.code })
        .where(eq(certificateRequests.number, move.number));
    }
    await tx.insert(certificateRequestEvents).values({
      requestNumber: move.number,
      fromStatus: 'SUBMITTED',
      toStatus: move.to,
      actorKind: 'AGENT',
      actor: move.actor,
      note: move.justification,
      at: now,
    });
    await enqueue(tx, outbox, { ...move.notification, reference: move.number });
    return true;
  });
}
