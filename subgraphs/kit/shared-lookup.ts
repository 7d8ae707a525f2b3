import { LRUCache } from 'lru-cache';

/**
 * A DataLoader batch function for reference data that changes by decree, not by use (the
 * territory): a record found is kept for every request of this process for `ttlMs`, so
 * the lookups nearly every query makes (a citizen's birth commune and its wilaya) cost no
 * statement and no round trip to the database; the keys not kept are fetched together,
 * in one call. A key that was not found is never kept, so a record added to the table is
 * found at once; a change to a kept one shows within `ttlMs`.
 *
 * Only for data every caller may read alike: what is kept is shared by all callers.
 */
export function sharedLookup<K extends string, V extends object>(
  fetch: (keys: K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
  options: { max: number; ttlMs: number },
): (keys: readonly K[]) => Promise<(V | null)[]> {
  const kept = new LRUCache<K, V>({ max: options.max, ttl: options.ttlMs });
  return async (keys) => {
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of keys) {
      const row = kept.get(key);
      if (row) found.set(key, row);
      else missing.push(key);
    }
    if (missing.length > 0) {
      for (const row of await fetch(missing)) {
        kept.set(keyOf(row), row);
        found.set(keyOf(row), row);
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  };
}
