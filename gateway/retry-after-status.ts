import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../subgraphs/kit/errors.js';
import type { GatewayContext } from './context.js';

/**
 * When an answer holds no data and every error says "try again later" for one reason, it
 * goes out with that reason's HTTP status and a Retry-After header, as load balancers,
 * proxies and HTTP clients expect, instead of a 200 that reads as success. An answer with
 * some data keeps 200: its other fields are worth reading.
 */
export function retryAfterStatus(
  status: number,
  codes: readonly string[],
  maxWaitSeconds = Infinity,
): ApolloServerPlugin<GatewayContext> {
  const retryable = new Set(codes);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || errors.some((e) => !retryable.has(String(e.extensions?.code))))
            return;
          if (data && Object.values(data).some((v) => v !== null)) return;
          const wait = Math.max(...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 1));
          response.http.status = status;
          response.http.headers.set('retry-after', String(Math.min(wait, maxWaitSeconds)));
        },
      };
    },
  };
}

/** "Slow down": over a public lookup's limit. */
export const rateLimitedStatus = () => retryAfterStatus(429, [ErrorCode.RATE_LIMITED]);

/** "Not now, on our side": a subgraph or its database away, a pool at capacity, the audit unwritable. */
export const unavailableStatus = () =>
  retryAfterStatus(
    503,
    [ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED, ErrorCode.AUDIT_UNAVAILABLE],
    60,
  );
