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

/**
 * Runs `work` once per (client, key) in one transaction with its result. The same key
 * with the same input returns the stored result (`replayed: true`); with another input it
 * is refused. Concurrent calls with one key queue on an advisory lock, so exactly one runs.
 */
export async function idempotent<R>(
  db: Db,
  table: IdempotencyTable,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<R>,
): Promise<{ result: R; replayed: boolean }> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(request.key)) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      'idempotencyKey must be 8 to 100 letters, digits, "-" or "_" (a UUID fits)',
      'idempotencyKey',
    );
  }
  const requestHash = createHash('sha256')
    .update(`${request.operation}\n${stableJson(request.input)}`)
    .digest('hex');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${JSON.stringify([request.clientId, request.key])}, 0))`,
    );
    const [existing] = await tx
      .select()
      .from(table)
      .where(and(eq(table.clientId, request.clientId), eq(table.key, request.key)));
    if (existing) {
      if (existing.requestHash !== requestHash || existing.operation !== request.operation) {
        throw badInput(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'this idempotencyKey was already used for a different request; use a new key',
          'idempotencyKey',
        );
      }
      return { result: existing.response as R, replayed: true };
    }
    const result = await work(tx);
    await tx.insert(table).values({
      clientId: request.clientId,
      key: request.key,
      operation: request.operation,
      requestHash,
      response: result as object,
    });
    return { result, replayed: false };
  });
}
