import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { IdempotencyTable } from '../../db/tables/idempotency.js';
import { ErrorCode, badInput } from './errors.js';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface IdempotentRequest {
  clientId: string;
  key: string;
  operation: string;
  input: unknown;
}

function assertKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      'idempotencyKey must be 8 to 100 letters, digits, "-" or "_" (a UUID fits)',
      'idempotencyKey',
    );
  }
}

const hashOf = (request: IdempotentRequest) =>
  createHash('sha256')
    .update(`${request.operation}\n${stableJson(request.input)}`)
    .digest('hex');

type StoredRow = { operation: string; requestHash: string; response: unknown };

/** The stored result for this key, or null; a key used for another request is refused. */
function replayOf<R>(existing: StoredRow | undefined, request: IdempotentRequest): R | null {
  if (!existing) return null;
  if (existing.requestHash !== hashOf(request) || existing.operation !== request.operation) {
    throw badInput(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'this idempotencyKey was already used for a different request; use a new key',
      'idempotencyKey',
    );
  }
  return existing.response as R;
}

async function storedRow(db: Db | Tx, table: IdempotencyTable, request: IdempotentRequest) {
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.clientId, request.clientId), eq(table.key, request.key)));
  return row;
}

/**
 * A cheap look before doing costly checks (a call to another subgraph): the stored result
 * of a retry, or null when the key is new. `idempotent` still decides under its lock.
 */
export async function findReplay<R>(
  db: Db,
  table: IdempotencyTable,
  request: IdempotentRequest,
): Promise<R | null> {
  assertKey(request.key);
  return replayOf<R>(await storedRow(db, table, request), request);
}

/**
 * Runs `work` once per (client, key) in one transaction with its result. `input` is the
 * caller's request as sent: the same key with the same input returns the stored result
 * (`replayed: true`); with another input it is refused. Concurrent calls with one key
 * queue on an advisory lock, so exactly one runs.
 */
export async function idempotent<R>(
  db: Db,
  table: IdempotencyTable,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<R>,
): Promise<{ result: R; replayed: boolean }> {
  assertKey(request.key);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${JSON.stringify([request.clientId, request.key])}, 0))`,
    );
    const replay = replayOf<R>(await storedRow(tx, table, request), request);
    if (replay !== null) return { result: replay, replayed: true };
    const result = await work(tx);
    await tx.insert(table).values({
      clientId: request.clientId,
      key: request.key,
      operation: request.operation,
      requestHash: hashOf(request),
      response: result as object,
    });
    return { result, replayed: false };
  });
}
