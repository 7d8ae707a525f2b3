import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey, groupBy } from '../kit/batch.js';
import type { Page } from '../kit/pagination.js';
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

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  return {
    wilayaByCode: new DataLoader<string, WilayaRecord | null>(async (codes) =>
      byKey(codes, await wilayasByCodes(db, codes), (r) => r.code),
    ),
    dairaByCode: new DataLoader<string, DairaRecord | null>(async (codes) =>
      byKey(codes, await dairasByCodes(db, codes), (r) => r.code),
    ),
    communeByCode: new DataLoader<string, CommuneRecord | null>(async (codes) =>
      byKey(codes, await communesByCodes(db, codes), (r) => r.code),
    ),
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
