import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import type { ApplicationEventRecord, ApplicationRecord } from './application.type.js';
import type { DocumentRecord } from './document.type.js';
import {
  applicationsByNins,
  applicationsByNumbers,
  documentsByHolders,
  documentsByNumbers,
  eventsOf,
} from './queries.js';

function groupBy<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): V[][] {
  const map = new Map<string, V[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => map.get(k) ?? []);
}

function byKey<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    documentsByHolder: new DataLoader<string, DocumentRecord[]>(async (nins) =>
      groupBy(nins, await documentsByHolders(db, nins), (d) => d.holderNin),
    ),
    documentByNumber: new DataLoader<string, DocumentRecord | null>(async (numbers) =>
      byKey(numbers, await documentsByNumbers(db, numbers), (d) => d.number),
    ),
    applicationsByNin: new DataLoader<string, ApplicationRecord[]>(async (nins) =>
      groupBy(nins, await applicationsByNins(db, nins), (a) => a.nin),
    ),
    applicationByNumber: new DataLoader<string, ApplicationRecord | null>(async (numbers) =>
      byKey(numbers, await applicationsByNumbers(db, numbers), (a) => a.number),
    ),
    eventsByApplication: new DataLoader<string, ApplicationEventRecord[]>(async (numbers) =>
      groupBy(numbers, await eventsOf(db, numbers), (e) => e.applicationNumber),
    ),
  };
}

export type DocumentsLoaders = ReturnType<typeof createLoaders>;
