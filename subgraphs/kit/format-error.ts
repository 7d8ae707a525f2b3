import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, PUBLIC_CODES } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Errors we raised on purpose pass as they are; anything else (a driver error, a bug) is
 * logged with its details and reaches the gateway as a bare internal error.
 */
export function formatSubgraphError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  log.error({ err: unwrapResolverError(error) }, 'unexpected error');
  return {
    message: 'internal error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
