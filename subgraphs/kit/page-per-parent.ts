import DataLoader from 'dataloader';
import { and, getTableColumns, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { groupBy } from './batch.js';
import type { Page } from './pagination.js';
import { anyOf, prepared } from './prepared.js';

/**
 * The same page of a nested list (a citizen's documents, a vehicle's owners) for several
 * parents in one statement: the rows are numbered per parent in the list's order and cut at
 * the page limit, so a list of 100 citizens with their documents costs one statement.
 */
export async function pagePerParent<T extends PgTable>(
  db: Db,
  list: {
    table: T;
    parent: PgColumn;
    parents: readonly string[];
    /** The list's order; the last term must make it total (a unique column). */
    orderBy: SQL[];
    /** Rows after the cursor's position in that order, or undefined for the first page. */
    after: SQL | undefined;
    limit: number;
    /**
     * Names the list's statement: its first page (no cursor, the usual case) is then
     * prepared once per database handle (see prepared.ts) rather than built per call. The
     * same name must always come with the same table, parent and order.
     */
    name?: string;
  },
): Promise<T['$inferSelect'][]> {
  if (list.parents.length === 0) return [];
  const rows =
    list.name !== undefined && list.after === undefined
      ? await firstPageOf(list.name, list)(db, { parents: [...list.parents], limit: list.limit })
      : await rankedPage(db, list, inArray(list.parent, [...list.parents]), list.limit);
  return (rows as (T['$inferSelect'] & { rank: number })[])
    .sort((a, b) => Number(a.rank) - Number(b.rank))
    .map(({ rank: _rank, ...row }) => row as T['$inferSelect']);
}

/** The rows of each parent numbered in the list's order, cut at `limit`. */
function rankedPage(
  db: Db,
  list: { table: PgTable; parent: PgColumn; orderBy: SQL[]; after: SQL | undefined },
  parents: SQL,
  limit: number | SQL | Placeholder,
) {
  const table: PgTable = list.table;
  const ranked = db
    .select({
      ...getTableColumns(table),
      rank: sql<number>`row_number() over (partition by ${list.parent} order by ${sql.join(list.orderBy, sql`, `)})`.as(
        'page_rank',
      ),
    })
    .from(table)
    .where(and(parents, list.after))
    .as('ranked');
  return db
    .select()
    .from(ranked)
    .where(sql`${sql.identifier('page_rank')} <= ${limit}`);
}

/** Each named list's first page, prepared (per database handle) on its first use. */
const firstPages = new Map<
  string,
  (db: Db, values: { parents: string[]; limit: number }) => Promise<unknown[]>
>();
function firstPageOf(name: string, list: { table: PgTable; parent: PgColumn; orderBy: SQL[] }) {
  let query = firstPages.get(name);
  if (!query) {
    query = prepared(name, (db) =>
      rankedPage(
        db,
        { ...list, after: undefined },
        anyOf(list.parent, 'parents'),
        sql.placeholder('limit'),
      ),
    );
    firstPages.set(name, query);
  }
  return query;
}

export interface PageOf<P> {
  parent: P;
  page: Page;
}

/**
 * A DataLoader of one page per parent. Keys asking for the same page (size and cursor)
 * share one statement; a cursor belongs to one parent's list, so a page after a cursor is
 * in practice a statement of its own.
 */
export function pagePerParentLoader<V>(
  fetch: (parents: string[], page: Page) => Promise<V[]>,
  parentOf: (row: V) => string,
) {
  const cacheKey = (k: PageOf<string>) => `${k.parent}|${k.page.limit}|${k.page.after ?? ''}`;
  return new DataLoader<PageOf<string>, V[], string>(
    async (keys) => {
      const shapes = new Map<string, PageOf<string>[]>();
      for (const key of keys) {
        const shape = `${key.page.limit}|${key.page.after ?? ''}`;
        shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
      }
      const results = new Map<string, V[]>();
      for (const group of shapes.values()) {
        const parents = group.map((k) => k.parent);
        const rows = await fetch(parents, group[0]!.page);
        groupBy(parents, rows, parentOf).forEach((list, i) =>
          results.set(cacheKey(group[i]!), list),
        );
      }
      return keys.map((k) => results.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}
