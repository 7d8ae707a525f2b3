import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../subgraphs/kit/errors.js';
import type { GatewayContext } from './context.js';

/**
 * When the only thing an answer says is "slow down" (every error is RATE_LIMITED and no
 * field has data), it goes out as HTTP 429 with a Retry-After header, as proxies and HTTP
 * clients expect. An answer with some data keeps 200: its other fields are worth reading.
 */
export function rateLimitedStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || errors.some((e) => e.extensions?.code !== ErrorCode.RATE_LIMITED))
            return;
          if (data && Object.values(data).some((v) => v !== null)) return;
          const wait = Math.max(...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 1));
          response.http.status = 429;
          response.http.headers.set('retry-after', String(wait));
        },
      };
    },
  };
}
