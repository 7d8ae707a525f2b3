import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';

/**
 * `column = any($name)`: one statement text whatever the number of keys, so that it can be
 * prepared once (drizzle's `inArray` writes one parameter per key, a new text per size).
 */
export const anyOf = (column: PgColumn, name: string): SQL =>
  sql`${column} = any(${sql.placeholder(name)})`;

interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

/**
 * A statement drizzle builds once per database handle and then only executes with new
 * values (its placeholders). Building is what a lookup by key costs most in the
 * subgraph: about 0.1 ms of CPU for a page-per-parent select, more than the row mapping,
 * and 8–11 % of a subgraph's CPU per fetch in bench:profile. The rows are the same as the
 * built statement's.
 */
export function prepared<P extends Record<string, unknown>, R>(
  name: string,
  build: (db: Db) => Preparable<R>,
): (db: Db, values: P) => Promise<R> {
  const byDb = new WeakMap<Db, { execute(values?: Record<string, unknown>): Promise<R> }>();
  return (db, values) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db).prepare(name)));
    return query.execute(values);
  };
}

/**
 * `select <call> as <column>`, prepared once per database handle: for the calls of the
 * hottest paths (the audit's append, the quota's batch). drizzle runs a raw `execute`
 * unprepared, and postgres.js then has the server describe any statement with parameters
 * before running it, one round trip more per call. drizzle prepares only a query built
 * with a FROM, hence the one-row `(values (1))`.
 */
export function preparedCall<P extends Record<string, unknown>, T>(
  name: string,
  column: string,
  call: SQL,
): (db: Db, values: P) => Promise<Record<string, T>[]> {
  return prepared<P, Record<string, T>[]>(name, (db) =>
    db.select({ [column]: sql<T>`${call}` }).from(sql`(values (1)) as one`),
  );
}
