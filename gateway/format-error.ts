import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_CODES } from '../subgraphs/kit/errors.js';
import { currentRequestIds } from '../subgraphs/kit/http.js';
import type { Logger } from '../subgraphs/kit/logger.js';

const SUGGESTION = / ?Did you mean .*\?$/;

/**
 * What a client sees of an error: a stable code, a message meant for people and the
 * request id to quote to support. Never a host, port, SQL or stack: a failed subgraph
 * fetch becomes SERVICE_UNAVAILABLE, any other unexpected error INTERNAL_SERVER_ERROR.
 * Both are logged with the request id, so the id the client quotes leads to the cause.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  requestId: string | undefined,
  production: boolean,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const base = {
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
  };
  const ext = (c: string) => ({ code: c, ...(requestId ? { requestId } : {}) });

  if (
    /Error while fetching subquery|service\b.*\b(is unavailable|did not answer)|ECONNREFUSED|fetch failed/i.test(
      formatted.message,
    )
  ) {
    const service = /the ([a-z-]+) service|service "([a-z-]+)"/
      .exec(formatted.message)
      ?.slice(1)
      .find(Boolean);
    return {
      ...base,
      message: `the ${service ?? 'a'} service did not answer in time; its fields are missing from this response`,
      extensions: ext('SERVICE_UNAVAILABLE'),
    };
  }
  if (!PUBLIC_CODES.has(code) || code === 'INTERNAL_SERVER_ERROR') {
    return {
      ...base,
      message: production ? 'internal error; quote the requestId to support' : formatted.message,
      extensions: ext('INTERNAL_SERVER_ERROR'),
    };
  }
  const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
  const {
    stacktrace: _s,
    exception: _e,
    ...rest
  } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...base, message, extensions: { ...rest, ...ext(code) } };
}

/** Errors that are the platform's fault, not the caller's: someone on our side must see them. */
const OUR_FAULT: Record<string, { level: 'error' | 'warn'; message: string }> = {
  INTERNAL_SERVER_ERROR: { level: 'error', message: 'unexpected error' },
  AUTH_UNAVAILABLE: { level: 'error', message: 'caller tokens cannot be verified (JWKS)' },
  SERVICE_UNAVAILABLE: { level: 'warn', message: 'a subgraph did not answer' },
  OVERLOADED: { level: 'warn', message: 'a subgraph refused: its database pool is full' },
};

/**
 * Apollo's `formatError` for the gateway: every error it formats (also those raised
 * before the operation ran: a refused token, CSRF, batching) gets the request id of the
 * request being served, and what is not the caller's doing is logged.
 */
export function gatewayErrorFormatter(
  production: boolean,
  log: Logger,
  /** Told each code a caller is sent (metrics: refusals and errors by code). */
  onCode?: (code: string) => void,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const ids = currentRequestIds();
    const result = formatGatewayError(formatted, ids?.requestId, production);
    const code = String(result.extensions?.code);
    onCode?.(code);
    const problem = OUR_FAULT[code];
    if (problem) {
      log[problem.level](
        {
          err: unwrapResolverError(error),
          code,
          rid: ids?.requestId,
          cid: ids?.correlationId ?? undefined,
          path: formatted.path,
        },
        problem.message,
      );
    }
    return result;
  };
}
