import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import {
  establishmentsByIds,
  establishmentsOfOperators,
  followUpsOf,
  inspectionsByIds,
  inspectionsOfEstablishments,
  itemsOfInspections,
} from './establishment.queries.js';
import type { EstablishmentRecord, InspectionRecord } from './establishment.type.js';
import { samplingPointsByIds } from './environment.queries.js';
import { eventsOfRequests, requestsByNumbers, requestsByRequesters } from './request.queries.js';
import type { RequestRecord } from './request.type.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    requestByNumber: new DataLoader<string, RequestRecord | null>(async (numbers) =>
      byKey(numbers, await requestsByNumbers(db, numbers), (r) => r.number),
    ),
    eventsByRequest: new DataLoader(async (numbers: readonly string[]) =>
      groupBy(numbers, await eventsOfRequests(db, numbers), (e) => e.requestNumber),
    ),
    requestsByRequester: pagePerParentLoader(
      (nins, page) => requestsByRequesters(db, nins, page),
      (r) => r.requesterNin!,
    ),
    establishmentById: new DataLoader<string, EstablishmentRecord | null>(async (ids) =>
      byKey(ids, await establishmentsByIds(db, ids), (e) => e.id),
    ),
    establishmentsByOperator: pagePerParentLoader(
      (nins, page) => establishmentsOfOperators(db, nins, page),
      (e) => e.operatorNin!,
    ),
    inspectionById: new DataLoader<string, InspectionRecord | null>(async (ids) =>
      byKey(ids, await inspectionsByIds(db, ids), (i) => i.id),
    ),
    inspectionsByEstablishment: pagePerParentLoader(
      (ids, page) => inspectionsOfEstablishments(db, ids, page),
      (i) => i.establishmentId,
    ),
    itemsByInspection: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await itemsOfInspections(db, ids), (i) => i.inspectionId),
    ),
    followUpByInspection: new DataLoader<string, InspectionRecord | null>(async (ids) =>
      byKey(ids, await followUpsOf(db, ids), (i) => i.followUpOf!),
    ),
    samplingPointById: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await samplingPointsByIds(db, ids), (p) => p.id),
    ),
  };
}

export type HygieneLoaders = ReturnType<typeof createLoaders>;
