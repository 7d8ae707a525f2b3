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
