import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import type { AssociationRecord } from './association.type.js';
import {
  associationsByIds,
  eventsOf,
  foundersOf,
  reportsOf,
  seatsOf,
  sittingBoards,
  subsidiesOf,
} from './queries.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    associationById: new DataLoader<string, AssociationRecord | null>(async (ids) =>
      byKey(ids, await associationsByIds(db, ids), (a) => a.id),
    ),
    foundersByAssociation: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await foundersOf(db, ids), (f) => f.associationId),
    ),
    boardByAssociation: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await sittingBoards(db, ids), (m) => m.associationId),
    ),
    eventsByAssociation: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await eventsOf(db, ids), (e) => e.associationId),
    ),
    subsidiesByAssociation: pagePerParentLoader(
      (ids, page) => subsidiesOf(db, ids, page),
      (s) => s.associationId,
    ),
    reportsByAssociation: pagePerParentLoader(
      (ids, page) => reportsOf(db, ids, page),
      (r) => r.associationId,
    ),
    seatsByPerson: pagePerParentLoader(
      (nins, page) => seatsOf(db, nins, page),
      (s) => s.nin,
    ),
  };
}

export type AssociationsLoaders = ReturnType<typeof createLoaders>;
