import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestIds, type RequestIds } from './http.js';
import { outcomeOf, type Outcome, type RequestMetrics } from './metrics.js';

/** What the GraphQL pipeline learnt of a request, for the HTTP front to count when it answers. */
const seen = new WeakMap<RequestIds, { operationName: string | null; outcome: Outcome }>();

/**
 * Notes each request's operation name and outcome. The count itself is made by the HTTP
 * front when the answer is sent (`observeGraphQLRequest`), so that requests refused
 * before the pipeline runs (a bad token, a body too large) are counted too, once.
 */
export function requestMetricsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, operationName, response }) {
          const ids = currentRequestIds();
          if (!ids) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          seen.set(ids, {
            operationName: operationName ?? request.operationName ?? null,
            outcome: body ? outcomeOf(body.data, body.errors) : 'success',
          });
        },
      };
    },
  };
}

export interface AnsweredRequest {
  ids: RequestIds;
  req: http.IncomingMessage;
  res: http.ServerResponse;
  seconds: number;
}

const FIRST_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * The operation a request refused before the pipeline ran asked for: its operationName,
 * or the name of the document's first operation (most clients send no operationName).
 */
function requestedName(req: http.IncomingMessage): unknown {
  const body = (req as { body?: { operationName?: unknown; query?: unknown } }).body;
  if (body?.operationName) return body.operationName;
  return typeof body?.query === 'string' ? (FIRST_OPERATION.exec(body.query)?.[1] ?? null) : null;
}

/** The HTTP front's hook: one count and one latency per /graphql request. */
export function observeGraphQLRequest(metrics: RequestMetrics) {
  return ({ ids, req, res, seconds }: AnsweredRequest): void => {
    const known = seen.get(ids);
    metrics.observe(
      metrics.operations.label(known ? known.operationName : requestedName(req)),
      known?.outcome ?? (res.statusCode < 400 ? 'success' : 'error'),
      seconds,
    );
  };
}
