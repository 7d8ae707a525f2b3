import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import type { AssetRecord, ExpenseRecord } from './asset.type.js';
import { today } from './lease.rules.js';
import type { LeaseRecord, NoticeRecord } from './lease.type.js';
import {
  assetsByNumbers,
  expensesOf,
  leasePagesByAsset,
  leasePagesByTenant,
  leasesByNumbers,
  noticesByNumbers,
  noticesOfLeases,
  occupiedAmong,
  paidByLeases,
  paidSinceNotices,
  paymentPagesOf,
} from './queries.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    assetByNumber: new DataLoader<string, AssetRecord | null>(async (ns) =>
      byKey(ns, await assetsByNumbers(db, ns), (a) => a.inventoryNumber),
    ),
    assetOccupied: new DataLoader<string, boolean>(async (ns) => {
      const occupied = await occupiedAmong(db, ns, today());
      return ns.map((n) => occupied.has(n));
    }),
    expensesByAssetYear: new DataLoader<{ asset: string; year: number }, ExpenseRecord[], string>(
      async (keys) => {
        // One statement per year asked (a query asks one year): the assets of that year together.
        const byYear = new Map<number, string[]>();
        for (const k of keys) byYear.set(k.year, [...(byYear.get(k.year) ?? []), k.asset]);
        const found = new Map<string, ExpenseRecord[]>();
        for (const [year, ns] of byYear)
          groupBy(ns, await expensesOf(db, ns, year), (e) => e.assetInventoryNumber).forEach(
            (rows, i) => found.set(`${ns[i]}|${year}`, rows),
          );
        return keys.map((k) => found.get(`${k.asset}|${k.year}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.asset}|${k.year}` },
    ),
    leaseByNumber: new DataLoader<string, LeaseRecord | null>(async (ns) =>
      byKey(ns, await leasesByNumbers(db, ns), (l) => l.number),
    ),
    leasesByAsset: pagePerParentLoader(
      (ns, page) => leasePagesByAsset(db, ns, page),
      (l) => l.assetInventoryNumber,
    ),
    leasesByTenant: pagePerParentLoader(
      (nins, page) => leasePagesByTenant(db, nins, page),
      (l) => l.tenantNin ?? '',
    ),
    paidByLease: new DataLoader<string, number>(async (ns) => {
      const paid = await paidByLeases(db, ns);
      return ns.map((n) => paid.get(n) ?? 0);
    }),
    paymentsByLease: pagePerParentLoader(
      (ns, page) => paymentPagesOf(db, ns, page),
      (p) => p.leaseNumber,
    ),
    noticeByNumber: new DataLoader<string, NoticeRecord | null>(async (ns) =>
      byKey(ns, await noticesByNumbers(db, ns), (n) => n.number),
    ),
    noticesByLease: new DataLoader<string, NoticeRecord[]>(async (ns) =>
      groupBy(ns, await noticesOfLeases(db, ns), (n) => n.leaseNumber),
    ),
    paidSinceNotice: new DataLoader<string, number>(async (ns) => {
      const paid = await paidSinceNotices(db, ns);
      return ns.map((n) => paid.get(n) ?? 0);
    }),
  };
}

export type PatrimonyLoaders = ReturnType<typeof createLoaders>;
