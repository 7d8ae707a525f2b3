import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import type { Page } from '../kit/pagination.js';
import {
  certificateEventsOf,
  certificateRequestsByNins,
  certificateRequestsByNumbers,
} from './certificate.queries.js';
import type {
  CertificateRequestEventRecord,
  CertificateRequestRecord,
} from './certificate.type.js';
import type { CitizenRecord } from './citizen.type.js';
import { childrenOf, citizensBornIn, citizensByNins } from './queries.js';
import {
  actsByNumbers,
  actsConcerning,
  correctionsOf,
  notesOn,
  type CivilActRow,
  type MarginalNoteRow,
} from './civil-act.queries.js';

export interface BornInKey {
  communeCode: string;
  page: Page;
}

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    citizenByNin: new DataLoader<string, CitizenRecord | null>(async (nins) => {
      const rows = await citizensByNins(db, nins);
      const byNin = new Map(rows.map((r) => [r.nin, r]));
      return nins.map((nin) => byNin.get(nin) ?? null);
    }),

    actsByNin: new DataLoader<string, CivilActRow[]>(async (nins) => {
      const rows = await actsConcerning(db, nins);
      return nins.map((nin) => rows.filter((r) => r.subjectNin === nin || r.partnerNin === nin));
    }),

    actByNumber: new DataLoader<string, CivilActRow | null>(async (numbers) => {
      const rows = await actsByNumbers(db, numbers);
      return numbers.map((n) => rows.find((r) => r.number === n) ?? null);
    }),

    correctionOfAct: new DataLoader<string, CivilActRow | null>(async (numbers) => {
      const rows = await correctionsOf(db, numbers);
      return numbers.map((n) => rows.find((r) => r.corrects === n) ?? null);
    }),

    notesByAct: new DataLoader<string, MarginalNoteRow[]>(async (numbers) => {
      const rows = await notesOn(db, numbers);
      return numbers.map((n) => rows.filter((r) => r.actNumber === n));
    }),

    childrenByParentNin: new DataLoader<string, CitizenRecord[]>(async (nins) => {
      const rows = await childrenOf(db, nins);
      return nins.map((nin) => rows.filter((r) => r.fatherNin === nin || r.motherNin === nin));
    }),

    certificateRequestsByNin: pagePerParentLoader(
      (nins, page) => certificateRequestsByNins(db, nins, page),
      (r) => r.nin,
    ),
    certificateRequestByNumber: new DataLoader<string, CertificateRequestRecord | null>(
      async (numbers) =>
        byKey(numbers, await certificateRequestsByNumbers(db, numbers), (r) => r.number),
    ),
    eventsByCertificateRequest: new DataLoader<string, CertificateRequestEventRecord[]>(
      async (numbers) =>
        groupBy(numbers, await certificateEventsOf(db, numbers), (e) => e.requestNumber),
    ),

    // Keys asking for the same page shape share one statement; other shapes get their own.
    citizensBornInCommune: new DataLoader<BornInKey, CitizenRecord[], string>(
      async (keys) => {
        const groups = new Map<string, BornInKey[]>();
        for (const key of keys) {
          const shape = `${key.page.limit}|${key.page.after ?? ''}`;
          groups.set(shape, [...(groups.get(shape) ?? []), key]);
        }
        const results = new Map<string, CitizenRecord[]>();
        for (const group of groups.values()) {
          const rows = await citizensBornIn(
            db,
            group.map((k) => k.communeCode),
            group[0]!.page,
          );
          for (const key of group) {
            results.set(
              bornInCacheKey(key),
              rows.filter((r) => r.birthCommuneCode === key.communeCode),
            );
          }
        }
        return keys.map((k) => results.get(bornInCacheKey(k)) ?? []);
      },
      { cacheKeyFn: bornInCacheKey },
    ),
  };
}

function bornInCacheKey(k: BornInKey): string {
  return `${k.communeCode}|${k.page.limit}|${k.page.after ?? ''}`;
}

export type CitizensLoaders = ReturnType<typeof createLoaders>;
