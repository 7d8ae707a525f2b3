import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseUnavailability } from './db-errors.js';
import { ErrorCode, PUBLIC_CODES } from './errors.js';
import { currentRequestIds } from './http.js';
import type { Logger } from './logger.js';

/**
 * Errors we raised on purpose pass as they are; anything else (a driver error, a bug) is
 * logged with its details and reaches the gateway as a bare internal error. Each carries
 * the request id, also those raised before the operation ran (a refused token).
 */
export function formatSubgraphError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
): GraphQLFormattedError {
  const ids = currentRequestIds();
  const requestId = ids ? { requestId: ids.requestId } : {};
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...formatted, extensions: { ...formatted.extensions, ...requestId } };
  }
  const unavailable = databaseUnavailability(unwrapResolverError(error));
  if (unavailable) {
    // Ours and passing: the caller retries after the delay; the log says which it was.
    log.warn(
      { err: unwrapResolverError(error), rid: ids?.requestId, code: unavailable.code },
      'database unavailable',
    );
    return {
      message: unavailable.message,
      path: formatted.path,
      extensions: {
        code: unavailable.code,
        retryAfterSeconds: unavailable.retryAfterSeconds,
        ...requestId,
      },
    };
  }
  log.error(
    { err: unwrapResolverError(error), rid: ids?.requestId, cid: ids?.correlationId ?? undefined },
    'unexpected error',
  );
  return {
    message: 'internal error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...requestId },
  };
}
