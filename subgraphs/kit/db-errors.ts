import { DatabaseBusyError } from '../../db/pool-gate.js';
import { ErrorCode } from './errors.js';

/** postgres.js's own codes for a connection it could not open or lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
]);

/**
 * SQLSTATEs that say "the server cannot serve now", not "this statement is wrong":
 * class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up),
 * 53300 (too many connections), and a statement that waited past lock_timeout (55P03) or
 * statement_timeout (57014): the database is held up, the same request may pass later.
 */
const UNAVAILABLE_STATES = /^(08|57P0[123]|53300|55P03|57014)/;

export interface Unavailability {
  code: typeof ErrorCode.SERVICE_UNAVAILABLE | typeof ErrorCode.OVERLOADED;
  message: string;
  retryAfterSeconds: number;
}

/**
 * When an unexpected error is the database being away or saturated, what the caller is
 * told: a code to retry on, and when. Anything else is not ours to name (null).
 */
export function databaseUnavailability(error: unknown): Unavailability | null {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth += 1
  ) {
    if (e instanceof DatabaseBusyError) {
      return {
        code: ErrorCode.OVERLOADED,
        message: 'the platform is at capacity; try again in a moment',
        retryAfterSeconds: e.retryAfterSeconds,
      };
    }
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.test(code)) {
      return {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        message: 'the database cannot be reached at the moment; try again in a few seconds',
        retryAfterSeconds: 2,
      };
    }
    e = e.cause as typeof e;
  }
  return null;
}
