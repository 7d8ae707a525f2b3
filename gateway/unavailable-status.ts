import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../subgraphs/kit/errors.js';
import type { GatewayContext } from './context.js';

/** Codes that say "not now, on our side": the same request may succeed later. */
const RETRY_LATER = new Set<string>([
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.OVERLOADED,
  ErrorCode.AUDIT_UNAVAILABLE,
]);

/**
 * When an answer holds no data and every error is one of ours that passes (a subgraph or
 * its database away, a pool at capacity, the audit log unwritable), it goes out as HTTP
 * 503 with Retry-After: load balancers, proxies and HTTP clients then retry or back off
 * as they would for any service, instead of reading a 200 as a success. An answer with
 * some data keeps 200: the other fields are worth reading.
 */
export function unavailableStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || errors.some((e) => !RETRY_LATER.has(String(e.extensions?.code))))
            return;
          if (data && Object.values(data).some((v) => v !== null)) return;
          const wait = Math.max(...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 1));
          response.http.status = 503;
          response.http.headers.set('retry-after', String(Math.min(wait, 60)));
        },
      };
    },
  };
}
