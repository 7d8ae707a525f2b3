import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy } from '../kit/batch.js';
import { KEPT_ENTITIES } from '../../schema/kept-entities.js';
import type { Page } from '../kit/pagination.js';
import { sharedLookup } from '../kit/shared-lookup.js';
import {
  communesByCodes,
  communesOfDairas,
  communesOfWilayas,
  dairasByCodes,
  dairasOfWilayas,
  wilayasByCodes,
} from './queries.js';
import type { CommuneRecord, DairaRecord, WilayaRecord } from './territory.type.js';

export interface WilayaPageKey {
  wilayaCode: string;
  page: Page;
}
const pageKey = (k: WilayaPageKey) => `${k.wilayaCode}|${k.page.limit}|${k.page.after ?? ''}`;

/**
 * Wilayas, daïras and communes by code, kept across requests (kit/shared-lookup.ts) for
 * as long as schema/kept-entities.ts says: the territory changes by law a few times a
 * decade, and every citizen, document and request in the graph names a commune, so these
 * lookups are answered from memory. One set per database (tests run several).
 */
const TERRITORY_KEPT_MS = KEPT_ENTITIES.communes!.ttlMs;
const kept = new WeakMap<Db, ReturnType<typeof territoryByCode>>();
const keep = (max: number) => ({ max, ttlMs: TERRITORY_KEPT_MS });
const codeOf = (r: { code: string }) => r.code;
const territoryByCode = (db: Db) => ({
  wilayas: sharedLookup((codes) => wilayasByCodes(db, codes), codeOf, keep(200)),
  dairas: sharedLookup((codes) => dairasByCodes(db, codes), codeOf, keep(2_000)),
  communes: sharedLookup((codes) => communesByCodes(db, codes), codeOf, keep(5_000)),
});

/** One loader set per request: each batch is one SQL statement, or none when all is kept. */
export function createLoaders(db: Db) {
  let byCode = kept.get(db);
  if (!byCode) kept.set(db, (byCode = territoryByCode(db)));
  return {
    wilayaByCode: new DataLoader<string, WilayaRecord | null>(byCode.wilayas),
    dairaByCode: new DataLoader<string, DairaRecord | null>(byCode.dairas),
    communeByCode: new DataLoader<string, CommuneRecord | null>(byCode.communes),
    dairasByWilaya: new DataLoader<string, DairaRecord[]>(async (codes) =>
      groupBy(codes, await dairasOfWilayas(db, codes), (r) => r.wilayaCode),
    ),
    communesByDaira: new DataLoader<string, CommuneRecord[]>(async (codes) =>
      groupBy(codes, await communesOfDairas(db, codes), (r) => r.dairaCode ?? ''),
    ),
    communesOfWilaya: new DataLoader<WilayaPageKey, CommuneRecord[], string>(
      async (keys) => {
        const shapes = new Map<string, WilayaPageKey[]>();
        for (const k of keys) {
          const shape = `${k.page.limit}|${k.page.after ?? ''}`;
          shapes.set(shape, [...(shapes.get(shape) ?? []), k]);
        }
        const out = new Map<string, CommuneRecord[]>();
        for (const group of shapes.values()) {
          const rows = await communesOfWilayas(
            db,
            group.map((k) => k.wilayaCode),
            group[0]!.page,
          );
          for (const k of group)
            out.set(
              pageKey(k),
              rows.filter((r) => r.wilayaCode === k.wilayaCode),
            );
        }
        return keys.map((k) => out.get(pageKey(k)) ?? []);
      },
      { cacheKeyFn: pageKey },
    ),
  };
}

export type CommunesLoaders = ReturnType<typeof createLoaders>;
