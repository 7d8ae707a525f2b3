import { and, asc, eq, gt, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  PRODUCTIVE_CATEGORIES,
  assets,
  expenses,
  formalNotices,
  idempotencyKeys,
  leases,
  outbox,
  payments,
  serials,
} from '../../db/tables/patrimony.js';
import type { ErrorCode } from '../kit/errors.js';
import { findReplay, idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import { centimesOf } from '../kit/money.js';
import { enqueue } from '../kit/outbox.js';
import { pagePerParent } from '../kit/page-per-parent.js';
import type { Page } from '../kit/pagination.js';
import type { AssetCategory, AssetRecord, ExpenseRecord } from './asset.type.js';
import {
  NOTICE_DEADLINE_DAYS,
  NOTICE_THRESHOLD_MONTHS,
  addDays,
  arrearsOf,
  overlaps,
  periodOf,
} from './lease.rules.js';
import type { LeaseRecord, NoticeRecord, PaymentRecord } from './lease.type.js';
import { formalNoticeMessage } from './notifications.js';

/** A refusal decided inside a transaction: nothing of it is written. */
export class PatrimonyRefused extends Error {
  constructor(
    readonly code: keyof typeof ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const serialKey = (what: string, commune: string, date: string) =>
  `${what}:${commune}:${date.slice(0, 4)}`;
const numbered = (prefix: string, commune: string, date: string, n: number) =>
  `${prefix}-${commune}-${date.slice(0, 4)}-${String(n).padStart(6, '0')}`;

// ---- assets ----

export async function assetsByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(assets)
    .where(inArray(assets.inventoryNumber, [...numbers]))) as AssetRecord[];
}

export interface AssetFilter {
  productive?: boolean | null;
  category?: AssetCategory | null;
}

export async function assetsOfCommune(
  db: Db,
  communeCode: string,
  filter: AssetFilter,
  page: Page,
) {
  return (await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.communeCode, communeCode),
        filter.productive != null ? eq(assets.productive, filter.productive) : undefined,
        filter.category ? eq(assets.category, filter.category) : undefined,
        page.after !== null ? gt(assets.inventoryNumber, page.after) : undefined,
      ),
    )
    .orderBy(asc(assets.inventoryNumber))
    .limit(page.limit)) as AssetRecord[];
}

const activeOn = (day: string) =>
  and(eq(leases.status, 'ACTIVE'), lte(leases.startDate, day), gte(leases.endDate, day));

/** Productive assets with no active lease on that day: what a commune offers for rent. */
export async function vacantAssets(db: Db, communeCode: string, day: string, page: Page) {
  return (await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.communeCode, communeCode),
        eq(assets.productive, true),
        sql`not exists (select 1 from ${leases} where ${leases.assetInventoryNumber} = ${assets.inventoryNumber} and ${activeOn(day)})`,
        page.after !== null ? gt(assets.inventoryNumber, page.after) : undefined,
      ),
    )
    .orderBy(asc(assets.inventoryNumber))
    .limit(page.limit)) as AssetRecord[];
}

/** Which of these assets have an active lease on that day. */
export async function occupiedAmong(db: Db, numbers: readonly string[], day: string) {
  const rows = await db
    .selectDistinct({ asset: leases.assetInventoryNumber })
    .from(leases)
    .where(and(inArray(leases.assetInventoryNumber, [...numbers]), activeOn(day)));
  return new Set(rows.map((r) => r.asset));
}

export async function expensesOf(db: Db, numbers: readonly string[], year: number) {
  return (await db
    .select()
    .from(expenses)
    .where(
      and(
        inArray(expenses.assetInventoryNumber, [...numbers]),
        gte(expenses.spentOn, `${year}-01-01`),
        lte(expenses.spentOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(expenses.spentOn), asc(expenses.id))) as ExpenseRecord[];
}

// ---- leases ----

export async function leasesByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select()
    .from(leases)
    .where(inArray(leases.number, [...numbers]))) as LeaseRecord[];
}

export async function leasesOfCommune(
  db: Db,
  communeCode: string,
  status: LeaseRecord['status'] | null,
  page: Page,
) {
  return (await db
    .select()
    .from(leases)
    .where(
      and(
        eq(leases.communeCode, communeCode),
        status ? eq(leases.status, status) : undefined,
        page.after !== null ? gt(leases.number, page.after) : undefined,
      ),
    )
    .orderBy(asc(leases.number))
    .limit(page.limit)) as LeaseRecord[];
}

export async function leasePagesByAsset(db: Db, numbers: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: leases,
    parent: leases.assetInventoryNumber,
    parents: numbers,
    orderBy: [asc(leases.number)],
    after: page.after !== null ? gt(leases.number, page.after) : undefined,
    limit: page.limit,
  })) as LeaseRecord[];
}

export async function leasePagesByTenant(db: Db, nins: readonly string[], page: Page) {
  return (await pagePerParent(db, {
    table: leases,
    parent: leases.tenantNin,
    parents: nins,
    orderBy: [asc(leases.number)],
    after: page.after !== null ? gt(leases.number, page.after) : undefined,
    limit: page.limit,
  })) as LeaseRecord[];
}

/** What each lease has received in all, summed exactly in SQL (bigint). */
export async function paidByLeases(db: Db | Tx, numbers: readonly string[]) {
  const rows = await db
    .select({
      lease: payments.leaseNumber,
      paid: sql<string>`sum(${payments.amountCentimes})::bigint`,
    })
    .from(payments)
    .where(inArray(payments.leaseNumber, [...numbers]))
    .groupBy(payments.leaseNumber);
  return new Map(rows.map((r) => [r.lease, centimesOf(r.paid)]));
}

export async function paymentPagesOf(db: Db, numbers: readonly string[], page: Page) {
  const after = page.after === null ? null : Number(page.after);
  if (after !== null && !Number.isSafeInteger(after)) return [];
  return (await pagePerParent(db, {
    table: payments,
    parent: payments.leaseNumber,
    parents: numbers,
    orderBy: [asc(payments.id)],
    after: after !== null ? gt(payments.id, after) : undefined,
    limit: page.limit,
  })) as PaymentRecord[];
}

const noticeColumns = {
  number: formalNotices.number,
  leaseNumber: formalNotices.leaseNumber,
  communeCode: formalNotices.communeCode,
  tenantNin: leases.tenantNin,
  period: formalNotices.period,
  amountDueCentimes: formalNotices.amountDueCentimes,
  issuedOn: formalNotices.issuedOn,
  deadline: formalNotices.deadline,
};

export async function noticesByNumbers(db: Db, numbers: readonly string[]) {
  return (await db
    .select(noticeColumns)
    .from(formalNotices)
    .innerJoin(leases, eq(leases.number, formalNotices.leaseNumber))
    .where(inArray(formalNotices.number, [...numbers]))) as NoticeRecord[];
}

/** Every notice of each lease: at most one a month, so bounded by the lease's length. */
export async function noticesOfLeases(db: Db, numbers: readonly string[]) {
  return (await db
    .select(noticeColumns)
    .from(formalNotices)
    .innerJoin(leases, eq(leases.number, formalNotices.leaseNumber))
    .where(inArray(formalNotices.leaseNumber, [...numbers]))
    .orderBy(asc(formalNotices.issuedOn))) as NoticeRecord[];
}

/** What each notice's tenant has paid since it was issued (a notice is answered when it covers the amount). */
export async function paidSinceNotices(db: Db, numbers: readonly string[]) {
  const rows = await db
    .select({
      notice: formalNotices.number,
      paid: sql<string>`coalesce(sum(${payments.amountCentimes}), 0)::bigint`,
    })
    .from(formalNotices)
    .leftJoin(
      payments,
      and(
        eq(payments.leaseNumber, formalNotices.leaseNumber),
        gte(payments.paidOn, formalNotices.issuedOn),
      ),
    )
    .where(inArray(formalNotices.number, [...numbers]))
    .groupBy(formalNotices.number);
  return new Map(rows.map((r) => [r.notice, centimesOf(r.paid)]));
}

// ---- writes ----

/** The stored answer of an earlier write with this key, or null: a retry is answered from it. */
export function replayedWrite(db: Db, request: IdempotentRequest) {
  return findReplay<{ number: string }>(db, idempotencyKeys, request);
}

export type NewAsset = Omit<AssetRecord, 'inventoryNumber' | 'productive'>;

export async function registerAsset(db: Db, asset: NewAsset, request: IdempotentRequest) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const n = await nextSerial(tx, serials, `asset:${asset.communeCode}`);
    const inventoryNumber = `PAT-${asset.communeCode}-${String(n).padStart(6, '0')}`;
    const productive = (PRODUCTIVE_CATEGORIES as readonly string[]).includes(asset.category);
    await tx.insert(assets).values({ ...asset, inventoryNumber, productive });
    return { inventoryNumber };
  });
}

async function lockedAsset(tx: Tx, inventoryNumber: string, communeCode: string) {
  const [asset] = await tx
    .select()
    .from(assets)
    .where(eq(assets.inventoryNumber, inventoryNumber))
    .for('update');
  if (!asset)
    throw new PatrimonyRefused('ASSET_NOT_FOUND', `no asset ${inventoryNumber}`, 'inventoryNumber');
  if (asset.communeCode !== communeCode)
    throw new PatrimonyRefused(
      'FORBIDDEN',
      `${inventoryNumber} belongs to commune ${asset.communeCode}: an agent of ${communeCode} changes only its own commune's patrimony`,
      'inventoryNumber',
    );
  return asset;
}

export type NewLease = Omit<LeaseRecord, 'number' | 'status' | 'version'>;

/**
 * Signs a lease: the asset row is locked, so two leases of one asset cannot both pass the
 * overlap check; a non-productive asset is never leased.
 */
export async function signLease(db: Db, lease: NewLease, request: IdempotentRequest) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const asset = await lockedAsset(tx, lease.assetInventoryNumber, lease.communeCode);
    if (!asset.productive)
      throw new PatrimonyRefused(
        'ASSET_NOT_PRODUCTIVE',
        `${asset.inventoryNumber} is a ${asset.category}: a non-productive asset is not leased`,
        'inventoryNumber',
      );
    const current = await tx
      .select({ number: leases.number, startDate: leases.startDate, endDate: leases.endDate })
      .from(leases)
      .where(
        and(
          eq(leases.assetInventoryNumber, asset.inventoryNumber),
          ne(leases.status, 'TERMINATED'),
        ),
      );
    const clash = current.find((l) => overlaps(l, lease));
    if (clash)
      throw new PatrimonyRefused(
        'LEASE_OVERLAP',
        `${asset.inventoryNumber} is already leased from ${clash.startDate} to ${clash.endDate} (${clash.number})`,
        'startDate',
      );
    const n = await nextSerial(tx, serials, serialKey('lease', lease.communeCode, lease.startDate));
    const number = numbered('BAIL', lease.communeCode, lease.startDate, n);
    await tx.insert(leases).values({ ...lease, number, status: 'ACTIVE' });
    return { number };
  });
}

async function lockedLease(tx: Tx, number: string, communeCode: string) {
  const [lease] = await tx.select().from(leases).where(eq(leases.number, number)).for('update');
  if (!lease || lease.communeCode !== communeCode)
    throw new PatrimonyRefused(
      'LEASE_NOT_FOUND',
      `no lease ${number} in commune ${communeCode}`,
      'leaseNumber',
    );
  return lease as LeaseRecord;
}

export async function recordPayment(
  db: Db,
  p: {
    leaseNumber: string;
    communeCode: string;
    paidOn: string;
    amountCentimes: number;
    actor: string;
  },
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const lease = await lockedLease(tx, p.leaseNumber, p.communeCode);
    if (lease.status !== 'ACTIVE')
      throw new PatrimonyRefused(
        'LEASE_NOT_ACTIVE',
        `lease ${lease.number} is ${lease.status}: it takes no more payments`,
        'leaseNumber',
      );
    if (p.paidOn < lease.startDate)
      throw new PatrimonyRefused(
        'INVALID_DATE',
        `paidOn (${p.paidOn}) is before the lease starts (${lease.startDate})`,
        'paidOn',
      );
    const n = await nextSerial(tx, serials, serialKey('receipt', p.communeCode, p.paidOn));
    const receiptNumber = numbered('QUIT', p.communeCode, p.paidOn, n);
    await tx.insert(payments).values({
      leaseNumber: lease.number,
      receiptNumber,
      paidOn: p.paidOn,
      amountCentimes: p.amountCentimes,
      recordedBy: p.actor,
    });
    return { receiptNumber };
  });
}

export async function paymentByReceipt(db: Db, receiptNumber: string) {
  const [row] = await db.select().from(payments).where(eq(payments.receiptNumber, receiptNumber));
  return row as PaymentRecord | undefined;
}

/** Ends a lease at its term (ENDED) or before (TERMINATED); only an active lease ends. */
export async function endLease(
  db: Db,
  e: { number: string; communeCode: string; on: string; status: 'ENDED' | 'TERMINATED' },
) {
  await db.transaction(async (tx) => {
    const lease = await lockedLease(tx, e.number, e.communeCode);
    if (lease.status !== 'ACTIVE')
      throw new PatrimonyRefused(
        'LEASE_NOT_ACTIVE',
        `lease ${lease.number} is already ${lease.status}`,
        'number',
      );
    if (e.on < lease.startDate)
      throw new PatrimonyRefused(
        'INVALID_DATE_RANGE',
        `the lease cannot end before it starts (${lease.startDate})`,
        'on',
      );
    await tx
      .update(leases)
      .set({
        status: e.status,
        endDate: e.on < lease.endDate ? e.on : lease.endDate,
        version: sql`${leases.version} + 1`,
      })
      .where(eq(leases.number, lease.number));
  });
}

export async function recordExpense(
  db: Db,
  e: Omit<ExpenseRecord, 'id'> & { actor: string },
  request: IdempotentRequest,
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    await lockedAsset(tx, e.assetInventoryNumber, e.communeCode);
    const { actor, ...row } = e;
    const [inserted] = await tx
      .insert(expenses)
      .values({ ...row, recordedBy: actor })
      .returning({ id: expenses.id });
    return { id: inserted!.id };
  });
}

export async function expenseById(db: Db, id: number) {
  const [row] = await db.select().from(expenses).where(eq(expenses.id, id));
  return row as ExpenseRecord | undefined;
}

/**
 * Issues the notice of this period for a lease in arrears, or returns the one already
 * issued (the unique index on lease and period backs this under concurrency). The SMS is
 * queued in the same transaction: the tenant is told exactly when a notice exists.
 */
export async function issueNotice(
  db: Db,
  n: { leaseNumber: string; communeCode: string; today: string; actor: string },
): Promise<{ number: string; replayed: boolean }> {
  return db.transaction(async (tx) => {
    const lease = await lockedLease(tx, n.leaseNumber, n.communeCode);
    const period = periodOf(n.today);
    const [existing] = await tx
      .select({ number: formalNotices.number })
      .from(formalNotices)
      .where(and(eq(formalNotices.leaseNumber, lease.number), eq(formalNotices.period, period)));
    if (existing) return { number: existing.number, replayed: true };
    const paid = (await paidByLeases(tx, [lease.number])).get(lease.number) ?? 0;
    const arrears = arrearsOf(lease, paid, n.today);
    if (arrears.arrearsCentimes < NOTICE_THRESHOLD_MONTHS * lease.monthlyRentCentimes)
      throw new PatrimonyRefused(
        'NOT_IN_ARREARS',
        `lease ${lease.number} owes ${arrears.monthsInArrears} month(s) of rent; a notice needs at least ${NOTICE_THRESHOLD_MONTHS}`,
        'leaseNumber',
      );
    const serial = await nextSerial(tx, serials, serialKey('notice', lease.communeCode, n.today));
    const number = numbered('MED', lease.communeCode, n.today, serial);
    const notice = {
      number,
      leaseNumber: lease.number,
      communeCode: lease.communeCode,
      period,
      amountDueCentimes: arrears.arrearsCentimes,
      issuedOn: n.today,
      deadline: addDays(n.today, NOTICE_DEADLINE_DAYS),
      issuedBy: n.actor,
    };
    await tx.insert(formalNotices).values(notice);
    await enqueue(tx, outbox, {
      kind: 'FORMAL_NOTICE',
      reference: number,
      recipient: lease.tenantPhone,
      message: formalNoticeMessage({ ...notice, assetInventoryNumber: lease.assetInventoryNumber }),
    });
    return { number, replayed: false };
  });
}

// ---- figures ----

export interface AssetMoney {
  inventoryNumber: string;
  category: AssetCategory;
  productive: boolean;
  revenuesCentimes: number;
  expensesCentimes: number;
}

/**
 * A commune's year per asset: rents received and expenses paid, summed in SQL as bigint,
 * one statement for each side. Every asset of the commune appears, with zeros if idle.
 */
export async function yearOfCommune(
  db: Db,
  communeCode: string,
  year: number,
): Promise<AssetMoney[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [all, revenues, spent] = await Promise.all([
    db
      .select({
        inventoryNumber: assets.inventoryNumber,
        category: assets.category,
        productive: assets.productive,
      })
      .from(assets)
      .where(eq(assets.communeCode, communeCode))
      .orderBy(asc(assets.inventoryNumber)),
    db
      .select({
        asset: leases.assetInventoryNumber,
        sum: sql<string>`sum(${payments.amountCentimes})::bigint`,
      })
      .from(payments)
      .innerJoin(leases, eq(leases.number, payments.leaseNumber))
      .where(
        and(
          eq(leases.communeCode, communeCode),
          gte(payments.paidOn, from),
          lte(payments.paidOn, to),
        ),
      )
      .groupBy(leases.assetInventoryNumber),
    db
      .select({
        asset: expenses.assetInventoryNumber,
        sum: sql<string>`sum(${expenses.amountCentimes})::bigint`,
      })
      .from(expenses)
      .where(
        and(
          eq(expenses.communeCode, communeCode),
          gte(expenses.spentOn, from),
          lte(expenses.spentOn, to),
        ),
      )
      .groupBy(expenses.assetInventoryNumber),
  ]);
  const rev = new Map(revenues.map((r) => [r.asset, centimesOf(r.sum)]));
  const exp = new Map(spent.map((r) => [r.asset, centimesOf(r.sum)]));
  return all.map((a) => ({
    ...a,
    revenuesCentimes: rev.get(a.inventoryNumber) ?? 0,
    expensesCentimes: exp.get(a.inventoryNumber) ?? 0,
  })) as AssetMoney[];
}

/** Productive assets of a commune, and how many had an active lease on that day. */
export async function occupancyOf(db: Db, communeCode: string, day: string) {
  const [row] = await db
    .select({
      productive: sql<number>`count(*)::int`,
      occupied: sql<number>`count(*) filter (where exists (select 1 from ${leases} where ${leases.assetInventoryNumber} = ${assets.inventoryNumber} and ${activeOn(day)}))::int`,
    })
    .from(assets)
    .where(and(eq(assets.communeCode, communeCode), eq(assets.productive, true)));
  return { productive: Number(row?.productive ?? 0), occupied: Number(row?.occupied ?? 0) };
}
