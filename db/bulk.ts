import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { copyLayout, type CopyLayout } from './copy-text.js';

/**
 * Bulk loading into PostgreSQL with COPY FROM STDIN (postgres.js `.writable()`): one
 * COPY per table, held open for the whole load on its own connection, so that the server
 * parses and indexes rows while the caller generates the next ones, instead of a round
 * trip per INSERT of 1,000 rows. Nothing is visible before `flush`, which ends every COPY
 * (each commits as one statement). The tables have no foreign keys (each subgraph owns its
 * schema), so their COPYs need not follow each other.
 */
export interface BulkLoader {
  /** Appends rows to the table's COPY (opened on first use); waits while the socket is full. */
  write(table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Ends every open COPY and waits until the server has committed each. */
  flush(): Promise<void>;
  /** Runs one statement on the loader's connection (no statement timeout). */
  execute(statement: string): Promise<void>;
  close(): Promise<void>;
}

interface OpenCopy {
  layout: CopyLayout;
  stream: Writable;
  failure: Error | null;
  /** Settles when the COPY has ended, the indexes are rebuilt and the transaction committed. */
  done: Promise<void>;
  /** Ends the COPY and lets the transaction go on to rebuild the indexes and commit. */
  end(): void;
}

/** At most this many tables take a COPY at once (one connection each). */
const MAX_COPIES = 40;

/** The table's plain secondary indexes (not unique, not a key): rebuilt after the load. */
const SECONDARY_INDEXES = `
  select pg_get_indexdef(i.indexrelid) as definition, c.relname as name, n.nspname as schema
  from pg_index i
  join pg_class c on c.oid = i.indexrelid
  join pg_namespace n on n.oid = c.relnamespace
  where i.indrelid = $1::regclass and not i.indisunique and not i.indisprimary`;

/** `connect` is postgres.js's default export (the caller has it loaded already). */
export function openBulkLoader(url: string, connect: typeof postgres): BulkLoader {
  const sql = connect(url, {
    max: MAX_COPIES,
    onnotice: () => {},
    connection: {
      application_name: 'e-commune-seed',
      // A crash loses the last few hundred milliseconds of a load that is rerun anyway;
      // the commits need not wait for the WAL flush.
      synchronous_commit: 'off',
      statement_timeout: 0,
      maintenance_work_mem: '64MB',
    },
  });
  const open = new Map<PgTable, Promise<OpenCopy>>();

  /**
   * One transaction per table: drop its secondary indexes, COPY, build them again, commit.
   * Building an index once over the loaded rows is several times cheaper than updating it
   * row by row; and DDL is transactional, so a load that fails or is killed rolls back
   * with its indexes where they were (the migrations' definitions, read back from the
   * catalogue, not copied here). The table is locked meanwhile: nobody reads it mid-seed.
   */
  function start(table: PgTable, sample: Record<string, unknown>): Promise<OpenCopy> {
    const layout = copyLayout(table, sample);
    return new Promise<OpenCopy>((opened, failedToOpen) => {
      let copy: OpenCopy | undefined;
      let ended: () => void = () => {};
      const endSignal = new Promise<void>((resolve) => (ended = resolve));
      const transaction = sql.begin(async (tx) => {
        const indexes = await tx.unsafe<{ definition: string; name: string; schema: string }[]>(
          SECONDARY_INDEXES,
          [layout.target],
        );
        for (const i of indexes) await tx.unsafe(`drop index "${i.schema}"."${i.name}"`);
        const stream = await tx
          .unsafe(`copy ${layout.target} (${layout.columns.join(', ')}) from stdin`)
          .writable();
        const finished = new Promise<void>((resolve, reject) => {
          stream.once('finish', resolve);
          stream.once('error', reject);
        });
        copy = { layout, stream, failure: null, done: Promise.resolve(), end: ended };
        copy.done = transaction.then(() => {});
        copy.done.catch((error: Error) => {
          if (copy) copy.failure = error;
        });
        opened(copy);
        await endSignal;
        stream.end();
        await finished;
        for (const i of indexes) await tx.unsafe(i.definition);
      });
      transaction.catch((error: Error) => {
        if (copy) copy.failure = error;
        else failedToOpen(error);
      });
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
      if (!copy.stream.write(copy.layout.encode(rows)))
        await Promise.race([once(copy.stream, 'drain'), copy.done]);
      if (copy.failure) throw copy.failure;
    },
    async flush() {
      const copies = await Promise.all(open.values());
      open.clear();
      for (const copy of copies) copy.end();
      await Promise.all(copies.map((c) => c.done));
    },
    async execute(statement) {
      await sql.unsafe(statement);
    },
    async close() {
      const copies = await Promise.allSettled(open.values());
      for (const c of copies) if (c.status === 'fulfilled') c.value.stream.destroy();
      open.clear();
      await sql.end({ timeout: 5 });
    },
  };
}
