import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { copyLayout, quoteTarget, type CopyLayout } from './copy-text.js';

/**
 * Bulk loading into PostgreSQL with COPY FROM STDIN (postgres.js `.writable()`): one
 * COPY per table, held open for the whole load on its own connection, so that the server
 * parses and stores rows while the caller generates the next ones, and the tables load
 * side by side. Nothing is visible before `flush`, which ends every COPY, builds the
 * table's indexes and commits, each table in its own transaction. The tables have no
 * foreign keys (each subgraph owns its schema), so their COPYs need not follow each other.
 */
export interface BulkLoader {
  /** Appends rows to the table's COPY (opened on first use); waits while too much is queued. */
  write(table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void>;
  /**
   * Ends the table's COPY now, so that its indexes build while the other tables load; the
   * commit still waits for `flush`'s turn. No more rows may be written to it.
   */
  seal(table: PgTable): Promise<void>;
  /**
   * Raises a table of (text key, integer last) counters to at least `used`, never lowering
   * one: COPY into a temporary table, then one INSERT … ON CONFLICT, on a connection of its
   * own while the COPYs go on. Committed by the time `flush` returns.
   */
  raise(table: PgTable, keyColumn: string, used: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Ends every open COPY; then, table by table, rebuilds the indexes, gathers the planner's
   * statistics (ANALYZE) and commits. `onTable` hears of each table committed.
   */
  flush(onTable?: (report: TableLoad, done: number, total: number) => void): Promise<TableLoad[]>;
  /** Runs one statement on the loader's connection (no statement timeout). */
  execute(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a loader; `url` is where it connects, for worker threads to open their own. */
export type BulkLoaderFactory = (() => BulkLoader) & { url?: string };

/** What one table's load cost, for the seed's timings. */
export interface TableLoad {
  table: string;
  rows: number;
  indexes: number;
  /** From the end of the COPY to the commit: index builds and ANALYZE. */
  indexSeconds: number;
}

interface OpenCopy {
  layout: CopyLayout;
  stream: Writable;
  rows: number;
  failure: Error | null;
  /** Settles when the COPY has ended, the indexes are rebuilt and the transaction committed. */
  done: Promise<TableLoad>;
  /** Ends the COPY and lets the transaction go on to rebuild the indexes and commit. */
  end(): void;
}

/** At most this many tables take a COPY at once (one connection each). */
const MAX_COPIES = 40;

/**
 * Bytes a table's COPY may have queued in this process before `write` waits for the
 * socket: enough that the generator seldom stops for a server that is busy with another
 * table, little enough that a stalled one cannot fill the memory.
 */
const QUEUED_BYTES = 4 * 2 ** 20;

/**
 * Every index of the table, with the constraint it backs (primary key, unique), except
 * those a foreign key refers to (they cannot be dropped while it exists). Building an
 * index once over the loaded rows is several times cheaper than inserting into it row by
 * row, primary keys included.
 */
const INDEXES = `
  select c.relname as name, n.nspname as schema, pg_get_indexdef(i.indexrelid) as definition,
    con.conname as "constraint", pg_get_constraintdef(con.oid) as "constraintDefinition"
  from pg_index i
  join pg_class c on c.oid = i.indexrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_constraint con
    on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')
  where i.indrelid = $1::regclass
    and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)
  order by c.relname`;

interface IndexDefinition {
  name: string;
  schema: string;
  definition: string;
  constraint: string | null;
  constraintDefinition: string | null;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `connect` is postgres.js's default export (the caller has it loaded already). */
export function openBulkLoader(url: string, connect: typeof postgres): BulkLoader {
  const sql = connect(url, {
    max: MAX_COPIES + 2,
    onnotice: () => {},
    connection: {
      application_name: 'e-commune-seed',
      // A crash loses the last few hundred milliseconds of a load that is rerun anyway;
      // the commits need not wait for the WAL flush.
      synchronous_commit: 'off',
      statement_timeout: 0,
      // Index builds sort in memory rather than in temporary files; the largest seeded
      // index (a million citizens' keys) fits in a few dozen megabytes.
      maintenance_work_mem: '256MB',
    },
  });
  const open = new Map<PgTable, Promise<OpenCopy>>();
  const raising: Promise<void>[] = [];

  /**
   * One transaction per table: drop its indexes and key constraints, COPY, build them
   * again, ANALYZE, commit. DDL is transactional, so a load that fails or is killed rolls
   * back with its indexes where they were (the migrations' definitions, read back from the
   * catalogue, not copied here); ANALYZE counts the rows the transaction itself inserted,
   * and its statistics commit with them. The table is locked meanwhile: nobody reads it
   * mid-seed.
   */
  function start(table: PgTable, sample: Record<string, unknown>): Promise<OpenCopy> {
    const layout = copyLayout(table, sample);
    return new Promise<OpenCopy>((opened, failedToOpen) => {
      let copy: OpenCopy | undefined;
      let ended: () => void = () => {};
      const endSignal = new Promise<void>((resolve) => (ended = resolve));
      const transaction = sql.begin(async (tx) => {
        const indexes = await tx.unsafe<IndexDefinition[]>(INDEXES, [layout.target]);
        for (const i of indexes)
          await tx.unsafe(
            i.constraint
              ? `alter table ${layout.target} drop constraint ${ident(i.constraint)}`
              : `drop index ${ident(i.schema)}.${ident(i.name)}`,
          );
        const stream = await tx
          .unsafe(`copy ${layout.target} (${layout.columns.join(', ')}) from stdin`)
          .writable();
        const finished = new Promise<void>((resolve, reject) => {
          stream.once('finish', resolve);
          stream.once('error', reject);
        });
        copy = {
          layout,
          stream,
          rows: 0,
          failure: null,
          done: Promise.resolve(null as never),
          end: ended,
        };
        copy.done = transaction.then((load) => load);
        copy.done.catch((error: Error) => {
          if (copy) copy.failure = error;
        });
        opened(copy);
        await endSignal;
        stream.end();
        await finished;
        const started = performance.now();
        for (const i of indexes)
          await tx.unsafe(
            i.constraint
              ? `alter table ${layout.target} add constraint ${ident(i.constraint)} ${i.constraintDefinition}`
              : i.definition,
          );
        await tx.unsafe(`analyze ${layout.target}`);
        const load: TableLoad = {
          table: layout.target.replaceAll('"', ''),
          rows: copy.rows,
          indexes: indexes.length,
          indexSeconds: (performance.now() - started) / 1000,
        };
        return load;
      });
      transaction.catch((error: Error) => {
        if (copy) copy.failure = error;
        else failedToOpen(error);
      });
    });
  }

  async function raise(table: PgTable, keyColumn: string, used: ReadonlyMap<string, number>) {
    if (used.size === 0) return;
    const key = ident(keyColumn);
    const target = quoteTarget(table);
    await sql.begin(async (tx) => {
      await tx.unsafe(
        `create temporary table seed_counters (key text, last integer) on commit drop`,
      );
      const stream = await tx.unsafe(`copy seed_counters from stdin`).writable();
      const finished = new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve);
        stream.once('error', reject);
      });
      let text = '';
      for (const [k, last] of used) {
        text += `${k}\t${last}\n`;
        if (text.length > 1 << 20) {
          if (!stream.write(text)) await once(stream, 'drain');
          text = '';
        }
      }
      stream.end(text);
      await finished;
      await tx.unsafe(`
        insert into ${target} as t (${key}, last) select key, last from seed_counters
        on conflict (${key}) do update set last = greatest(t.last, excluded.last)`);
    });
  }

  return {
    async write(table, rows) {
      if (rows.length === 0) return;
      let pending = open.get(table);
      if (!pending) {
        if (open.size >= MAX_COPIES) throw new Error('too many tables in one bulk load');
        pending = start(table, rows[0]!);
        open.set(table, pending);
      }
      const copy = await pending;
      if (copy.failure) throw copy.failure;
      copy.rows += rows.length;
      copy.stream.write(copy.layout.encode(rows));
      if (copy.stream.writableLength > QUEUED_BYTES)
        await Promise.race([once(copy.stream, 'drain'), copy.done]);
      if (copy.failure) throw copy.failure;
    },
    async seal(table) {
      const pending = open.get(table);
      if (pending) (await pending).end();
    },
    raise(table, keyColumn, used) {
      for (const k of used.keys())
        if (/[\\\t\n\r]/.test(k))
          throw new Error(`${getTableName(table)}: key ${k} needs escaping`);
      const done = raise(table, keyColumn, used);
      raising.push(done);
      // Reported by flush; kept from counting as unhandled meanwhile.
      done.catch(() => {});
      return Promise.resolve();
    },
    async flush(onTable) {
      const copies = await Promise.all(open.values());
      open.clear();
      for (const copy of copies) copy.end();
      let done = 0;
      const loads = await Promise.all(
        copies.map((c) =>
          c.done.then((load) => {
            done += 1;
            onTable?.(load, done, copies.length);
            return load;
          }),
        ),
      );
      await Promise.all(raising.splice(0));
      return loads;
    },
    async execute(statement) {
      await sql.unsafe(statement);
    },
    async close() {
      const copies = await Promise.allSettled(open.values());
      for (const c of copies) if (c.status === 'fulfilled') c.value.stream.destroy();
      open.clear();
      await Promise.allSettled(raising.splice(0));
      await sql.end({ timeout: 5 });
    },
  };
}
