import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import type { ApplicationEventRecord, ApplicationRecord } from './application.type.js';
import type { DocumentRecord } from './document.type.js';
import {
  applicationsByNins,
  applicationsByNumbers,
  documentsByHolders,
  documentsByNumbers,
  eventsOf,
} from './queries.js';

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
