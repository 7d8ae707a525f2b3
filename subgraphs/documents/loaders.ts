import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
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
    documentsByHolder: pagePerParentLoader(
      (nins, page) => documentsByHolders(db, nins, page),
      (d) => d.holderNin,
    ),
    documentByNumber: new DataLoader<string, DocumentRecord | null>(async (numbers) =>
      byKey(numbers, await documentsByNumbers(db, numbers), (d) => d.number),
    ),
    applicationsByNin: pagePerParentLoader(
      (nins, page) => applicationsByNins(db, nins, page),
      (a) => a.nin,
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
