import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedCall } from './prepared.js';
import type { ConsultationsTable } from '../../db/tables/consultations.js';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Principal } from '../../schema/principal.js';

/** Collects, during one request, which groups of which NINs the policy let through. */
export class ConsultationRecorder {
  private readonly reads = new Map<string, { groups: Set<string>; purpose: string }>();

  record(nin: string, group: string, purpose: string): void {
    const entry = this.reads.get(nin) ?? { groups: new Set<string>(), purpose };
    entry.groups.add(group);
    this.reads.set(nin, entry);
  }

  get size(): number {
    return this.reads.size;
  }

  entries(): { nin: string; groups: string[]; purpose: string }[] {
    return [...this.reads].map(([nin, e]) => ({
      nin,
      groups: [...e.groups].sort(),
      purpose: e.purpose,
    }));
  }
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ConsultationFields {
  at: string;
  requestId: string;
  principalKind: string;
  clientId: string;
  subject: string;
  ministry: string | null;
  communeCode: string | null;
  nin: string;
  groups: string[];
  purpose: string;
  outcome: string;
}

/** The hash of one row: it covers every field and the previous row's hash. */
export function chainHash(prevHash: string, row: ConsultationFields): string {
  const canonical = JSON.stringify([
    prevHash,
    new Date(row.at).toISOString(),
    row.requestId,
    row.principalKind,
    row.clientId,
    row.subject,
    row.ministry,
    row.communeCode,
    row.nin,
    row.groups,
    row.purpose,
    row.outcome,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface AuditRequest {
  principal: Principal;
  requestId: string;
}

type Outcome = 'ALLOWED' | 'REFUSED_QUOTA';

interface Pending {
  rows: ConsultationFields[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per transaction at most. */
const MAX_BATCH_ROWS = 1000;
/**
 * How long a batch waits at most for the requests still under way (see `expect`). One
 * append costs the database about 0.22 ms of CPU whatever its size and 0.02 ms more per
 * row (bench/micro/append.ts); at 900 audited reads a second, batches formed only while
 * the previous append was in flight held 1–2 rows, so the call's cost was most of the
 * audit's. Two milliseconds against a p50 of 30 ms under that load.
 */
const DEFAULT_LINGER_MS = 2;

/**
 * Appends consultations to a subgraph's hash-chained log by group commit. The chain
 * needs one writer at a time (each row covers the hash of the row before), so each
 * transaction holds an advisory lock; but instead of one transaction per request, the
 * requests that arrive while a transaction is in flight are written together by the
 * next one: one lock, one check of the chain's head and one INSERT for all of them, in
 * one statement (see commit). Under load, the lock is taken once per batch instead of once per request;
 * a lone request still commits at once.
 *
 * Every request's promise settles only after the transaction holding its rows has
 * committed (its data may leave) or failed (it must not). When a batch fails, each of
 * its requests is retried alone, so that one request's fault refuses that request only.
 */
export class ConsultationWriter {
  private readonly queue: Pending[] = [];
  private flushing = false;
  /** Requests announced by `expect` that have neither written nor said they will not. */
  private expected = 0;
  /** Ends the flusher's wait for those requests, while it waits. */
  private wake: (() => void) | null = null;
  private readonly lingerMs: number;
  private readonly onAppend: ((rows: number) => void) | undefined;
  private readonly lockKey: string;
  private readonly tableName: string;
  private readonly append: (
    db: Db,
    values: { lock: string; head: string; rows: string },
  ) => Promise<Record<string, string | null>[]>;
  /** The chain's head as this writer last wrote it; null until its first write. */
  private head: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly table: ConsultationsTable,
    options: { lingerMs?: number; onAppend?: (rows: number) => void } = {},
  ) {
    this.lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS;
    this.onAppend = options.onAppend;
    const config = getTableConfig(table);
    this.tableName = `${config.schema ?? 'public'}.${config.name}`;
    this.lockKey = `audit:${this.tableName}`;
    // The log's own appender (migration 0020: its statements planned once per session).
    const appender = sql.raw(`"${config.schema ?? 'public'}".append_consultations`);
    this.append = preparedCall<{ lock: string; head: string; rows: string }, string | null>(
      `audit_append_${config.schema ?? 'public'}_${config.name}`,
      'head',
      sql`${appender}(${sql.placeholder('lock')}, ${sql.placeholder('head')}, ${sql.placeholder('rows')}::jsonb)`,
    );
    // The head read once at start, so that even the first request's rows go by the one
    // statement and a request costs the same statements whenever it comes. Unreadable
    // (no database yet): the first write goes by the locked transaction and learns it.
    this.primed = this.readHead().then(
      (head) => {
        this.head ??= head;
      },
      () => undefined,
    );
  }

  private readonly primed: Promise<void>;

  private async readHead(): Promise<string> {
    const [top] = await this.db
      .select({ hash: this.table.hash })
      .from(this.table)
      .orderBy(desc(this.table.id))
      .limit(1);
    return top?.hash ?? GENESIS_HASH;
  }

  /**
   * Announces a request that may write rows soon. Until the returned function is called
   * (by `write`, or by the caller when the request ends without rows; calling it again
   * does nothing), a batch ready to go waits for it, `lingerMs` at most: under load the
   * requests under way join the same append instead of each paying for its own. With
   * nothing announced, a batch goes at once, so a lone request never waits.
   */
  expect(): () => void {
    this.expected += 1;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.expected -= 1;
      if (this.expected === 0) this.wake?.();
    };
  }

  /** Requests announced and not yet arrived (the tests read it). */
  get awaited(): number {
    return this.expected;
  }

  /**
   * Records this request's consultations; resolves once they are committed. `outcome`
   * says whether the data leaves (ALLOWED) or was refused for the quota (REFUSED_QUOTA),
   * which the caller decided before. Rejects on any failure: the caller must not send
   * the data then. `arrived` is the function `expect` gave for this request, if any.
   */
  write(
    request: AuditRequest,
    reads: { nin: string; groups: string[]; purpose: string }[],
    outcome: Outcome = 'ALLOWED',
    arrived?: () => void,
  ): Promise<void> {
    const p = request.principal;
    const clientId = clientIdOf(p);
    const at = new Date().toISOString();
    const rows = reads.map((r): ConsultationFields => ({
      at,
      requestId: request.requestId,
      principalKind: p.kind,
      clientId,
      subject: p.kind === 'anonymous' ? 'anonymous' : p.sub,
      ministry: p.kind === 'ministry' ? p.ministry : null,
      communeCode: p.kind === 'agent' ? p.communeCode : null,
      nin: r.nin,
      groups: r.groups,
      purpose: r.purpose,
      outcome,
    }));
    if (rows.length === 0) {
      arrived?.();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      arrived?.();
      if (!this.flushing) void this.flush();
    });
  }

  /** Resolves when no announced request is under way, or after `lingerMs`. */
  private gathered(): Promise<void> {
    if (this.expected === 0 || this.lingerMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.lingerMs);
      this.wake = done;
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        await this.gathered();
        const batch: Pending[] = [];
        let size = 0;
        while (
          this.queue.length > 0 &&
          (batch.length === 0 || size + this.queue[0]!.rows.length <= MAX_BATCH_ROWS)
        ) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.rows.length;
        }
        try {
          await this.commit(batch.flatMap((b) => b.rows));
          for (const b of batch) b.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else
            for (const b of batch) {
              try {
                await this.commit(b.rows);
                b.resolve();
              } catch (own) {
                b.reject(own);
              }
            }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * The rows chained after the head and written under the chain's lock. Usually one
   * statement, its own transaction: the log's `append_consultations` (migrations 0018 and
   * 0020) takes the lock, checks that the head is the one this writer hashed from and inserts. When
   * this writer does not know the head yet, or another replica moved it, the rows go by
   * the locked transaction instead (lock, read the head, insert), which cannot be
   * overtaken: replicas writing at once always progress.
   */
  private async commit(fields: ConsultationFields[]): Promise<void> {
    await this.primed;
    this.onAppend?.(fields.length);
    if (this.head !== null) {
      const { rows, last } = chained(this.head, fields);
      const [moved] = await this.append(this.db, {
        lock: this.lockKey,
        head: this.head,
        rows: JSON.stringify(rows.map(asColumns)),
      });
      if (moved!.head === null) {
        this.head = last;
        return;
      }
    }
    const table = this.table;
    this.head = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${this.lockKey}, 0))`);
      const [top] = await tx
        .select({ hash: table.hash })
        .from(table)
        .orderBy(desc(table.id))
        .limit(1);
      const { rows, last } = chained(top?.hash ?? GENESIS_HASH, fields);
      await tx.insert(table).values(rows);
      return last;
    });
  }
}

/** The rows hashed one after another from `head`, and the new head. */
function chained(head: string, fields: ConsultationFields[]) {
  let prevHash = head;
  const rows = fields.map((f) => {
    const hash = chainHash(prevHash, f);
    const row = { ...f, prevHash, hash };
    prevHash = hash;
    return row;
  });
  return { rows, last: prevHash };
}

/** A chained row under its column names, as the log's append_consultations reads it. */
function asColumns(r: ConsultationFields & { prevHash: string; hash: string }) {
  return {
    at: r.at,
    request_id: r.requestId,
    principal_kind: r.principalKind,
    client_id: r.clientId,
    subject: r.subject,
    ministry: r.ministry,
    commune_code: r.communeCode,
    nin: r.nin,
    groups: r.groups,
    purpose: r.purpose,
    outcome: r.outcome,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** The client a quota and an audit row are counted against. */
export function clientIdOf(p: Principal): string {
  return p.kind === 'anonymous' ? 'anonymous' : p.clientId;
}

export interface ChainReport {
  rows: number;
  ok: boolean;
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt: number | null;
}

export interface VerifyOptions {
  /**
   * The hash the online chain continues from: the last `hash` of the newest archived (detached)
   * partition, as recorded in the archive register. Absent: the chain starts at the genesis.
   */
  from?: string;
  pageSize?: number;
}

/**
 * Recomputes the chain, a page at a time, from the genesis or from a recorded hash: once the
 * oldest months are detached and archived, the first row still online links to the last
 * archived one, whose hash only the register keeps.
 */
export async function verifyChain(
  db: Db,
  table: ConsultationsTable,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const { from = GENESIS_HASH, pageSize = 5000 } = options;
  if (!/^[0-9a-f]{64}$/.test(from)) throw new Error('verifyChain: `from` must be a SHA-256 in hex');
  let prevHash = from;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(table)
      .where(gt(table.id, lastId))
      .orderBy(asc(table.id))
      .limit(pageSize);
    for (const row of page) {
      rows += 1;
      if (row.prevHash !== prevHash || chainHash(prevHash, row) !== row.hash)
        return { rows, ok: false, brokenAt: row.id };
      prevHash = row.hash;
      lastId = row.id;
    }
    if (page.length < pageSize) return { rows, ok: true, brokenAt: null };
  }
}
