import type { GraphQLFormattedError } from 'graphql';
import { PUBLIC_CODES } from '../subgraphs/kit/errors.js';

const SUGGESTION = / ?Did you mean .*\?$/;

/**
 * What a client sees of an error: a stable code, a message meant for people and the
 * request id to quote to support. Never a host, port, SQL or stack: a failed subgraph
 * fetch becomes SERVICE_UNAVAILABLE, any other unexpected error INTERNAL_SERVER_ERROR.
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
