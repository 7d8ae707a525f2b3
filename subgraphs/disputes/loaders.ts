import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import type { CaseRecord } from './case.type.js';
import {
  casePagesByParty,
  casesByNumbers,
  casesOfLeases,
  eventsOf,
  hearingsOf,
} from './queries.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    caseByNumber: new DataLoader<string, CaseRecord | null>(async (ns) =>
      byKey(ns, await casesByNumbers(db, ns), (c) => c.number),
    ),
    casesByParty: pagePerParentLoader(
      (nins, page) => casePagesByParty(db, nins, page),
      (c) => c.partyNin ?? '',
    ),
    casesByLease: new DataLoader<string, CaseRecord[]>(async (ns) =>
      groupBy(ns, await casesOfLeases(db, ns), (c) => c.leaseNumber ?? ''),
    ),
    hearingsByCase: new DataLoader<string, Awaited<ReturnType<typeof hearingsOf>>>(async (ns) =>
      groupBy(ns, await hearingsOf(db, ns), (h) => h.caseNumber),
    ),
    eventsByCase: new DataLoader<string, Awaited<ReturnType<typeof eventsOf>>>(async (ns) =>
      groupBy(ns, await eventsOf(db, ns), (e) => e.caseNumber),
    ),
  };
}

export type DisputesLoaders = ReturnType<typeof createLoaders>;
