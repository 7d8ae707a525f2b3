import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  HeaderMap,
  type ApolloServer,
  type ApolloServerPlugin,
  type BaseContext,
} from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { Logger } from './logger.js';
import type { AnsweredRequest } from './request-metrics.js';
import { traceHttpRequest } from './tracing.js';

/** Content types a browser may send without a CORS preflight: Apollo's CSRF check answers those. */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * The ids of one request. `requestId` is the platform's own, made here before anything
 * else runs (a subgraph replaces it with the gateway's, once the gateway's token is
 * verified); `correlationId` is what the caller sent as X-Correlation-Id or X-Request-Id,
 * kept beside it for their own tracing, never instead of it.
 */
export interface RequestIds {
  requestId: string;
  correlationId: string | null;
}

/** What a caller may send as a correlation id; anything else is dropped, not trusted. */
export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(headers: http.IncomingHttpHeaders): string | null {
  const raw = headers['x-correlation-id'] ?? headers['x-request-id'];
  return typeof raw === 'string' && CORRELATION_ID.test(raw) ? raw : null;
}

/**
 * The ids of the request being served, wherever in its handling the code runs: error
 * formatting has no context object, and errors raised before the context exists (401,
 * CSRF, batching) must carry the request id too.
 */
const requestScope = new AsyncLocalStorage<RequestIds>();
export const currentRequestIds = (): RequestIds | undefined => requestScope.getStore();

/** Headers a browser front-end on another origin may send; everything else fails the preflight. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-purpose',
  'x-request-id',
  'x-correlation-id',
  'apollo-require-preflight',
];

export interface HttpOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  context: (req: http.IncomingMessage, ids: RequestIds) => Promise<C>;
  /** Largest accepted request body. */
  bodyLimit: string;
  log: Logger;
  /**
   * What `/ready` checks besides "not draining": resolves to null when ready, or to a
   * short reason (no host, no SQL) when not. Bounded by `readinessTimeoutMs`.
   */
  readiness?: () => Promise<string | null>;
  readinessTimeoutMs?: number;
  /** Browser origins allowed to call (CORS); none when empty or absent. */
  corsOrigins?: readonly string[];
  /** Called once per /graphql request when its answer is sent (metrics). */
  observe?: (answered: AnsweredRequest) => void;
  /** The service named on its spans, and whether a caller's traceparent is continued (tracing.ts). */
  tracing?: { service: string; trustParent: boolean };
  /**
   * Other paths this front serves (the gateway's web app): answers and returns true, or
   * returns false for the usual 404. Called for every path but /graphql and the probes.
   */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean;
  /**
   * Public GET documents besides /graphql (the gateway's published keys and status lists):
   * given the path, the document, or null when the path is not one of them.
   */
  documents?: (path: string, ids: RequestIds) => Promise<PublicDocument | null>;
}

export interface PublicDocument {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpFront {
  server: http.Server;
  listen(port: number, host: string): Promise<number>;
  /**
   * Stops in the order a load balancer needs: `/ready` answers 503 at once while
   * requests are still served for `delayMs` (long enough for the balancer to notice and
   * move on), then the listener closes and requests in flight finish.
   */
  drain(delayMs: number): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** The code of an answer this front refused by itself (413, 415…), for the metrics. */
const problemCodes = new WeakMap<http.ServerResponse, string>();
export const problemCodeOf = (res: http.ServerResponse): string | undefined =>
  problemCodes.get(res);

function problem(
  res: http.ServerResponse,
  ids: RequestIds,
  status: number,
  code: string,
  message: string,
): void {
  problemCodes.set(res, code);
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId: ids.requestId } }] });
}

function setIdHeaders(res: http.ServerResponse, ids: RequestIds): void {
  if (res.headersSent) return;
  res.setHeader('x-request-id', ids.requestId);
  if (ids.correlationId) res.setHeader('x-correlation-id', ids.correlationId);
}

/**
 * GraphQL over HTTP: an `application/json` answer to a well-formed request uses 200 even
 * when the document does not parse, does not validate or its variables do not coerce
 * (the client reads `errors`); `application/graphql-response+json` keeps the 4xx. Apollo
 * answers 400 for both, so this plugin marks the requests that reached the GraphQL
 * pipeline with such an error, and the HTTP front, which sees the negotiated content
 * type, applies the status. Requests refused before (bad JSON, CSRF, batching) stay 400.
 */
const graphQLRequestErrors = new WeakSet<object>();
export function graphQLOverHttpStatus<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let wellFormed = false;
      return {
        async didResolveSource() {
          wellFormed = true;
        },
        async willSendResponse({ request, response }) {
          if (wellFormed && response.http.status === 400 && request.http) {
            graphQLRequestErrors.add(request.http);
          }
        },
      };
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  const timeout = new AbortController();
  try {
    return await Promise.race([work, sleep(ms, onTimeout, { signal: timeout.signal })]);
  } finally {
    timeout.abort();
  }
}

/**
 * A plain node:http front for Apollo Server: request ids, CORS, health and readiness
 * probes, a body size limit (413), JSON only (415 for other types), and everything else
 * to Apollo. Every answer carries X-Request-Id; every error answer carries it in
 * `extensions.requestId`; every 5xx is logged.
 */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): HttpFront {
  const { log } = options;
  const json = bodyParser.json({ limit: options.bodyLimit, strict: false, type: () => true });
  const allowed = new Set(options.corsOrigins ?? []);
  // The well-kept `cors` middleware rather than hand-written headers: it gets Vary, the
  // preflight's 204 and its Content-Length (Safari) right. Origins are an exact list.
  const corsHandler = cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'x-correlation-id'],
    credentials: false, // Bearer tokens, never cookies
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  let draining = false;

  const ready = async (): Promise<string | null> => {
    if (draining) return 'draining';
    if (!options.readiness) return null;
    const timeoutMs = options.readinessTimeoutMs ?? 1000;
    return withTimeout(
      options.readiness().catch(() => 'readiness check failed'),
      timeoutMs,
      `readiness check did not finish within ${timeoutMs} ms`,
    );
  };

  const respond = (req: http.IncomingMessage, res: http.ServerResponse, ids: RequestIds) => {
    // While draining, keep-alive callers are told to reconnect, so they reach another replica.
    if (draining) res.setHeader('connection', 'close');
    res.on('finish', () => {
      // A 503 from /ready is the probe's answer, not a failure; any other 5xx is ours to see.
      if (res.statusCode >= 500 && !req.url?.startsWith('/ready')) {
        log.error(
          { rid: ids.requestId, cid: ids.correlationId, status: res.statusCode, path: req.url },
          'answered with a server error',
        );
      }
    });
    if (req.method === 'OPTIONS') {
      // An allowed origin's preflight was answered by the CORS handler already.
      if (req.headers.origin) {
        res.setHeader('vary', 'Origin');
        return problem(
          res,
          ids,
          403,
          'ORIGIN_NOT_ALLOWED',
          'this origin may not call the graph from a browser',
        );
      }
      res.statusCode = 204;
      res.setHeader('allow', 'GET, POST, OPTIONS');
      return void res.end();
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' && options.observe) {
      const started = process.hrtime.bigint();
      const observe = options.observe;
      res.once('finish', () =>
        observe({ ids, req, res, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
      );
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      return void ready().then((reason) =>
        sendJson(
          res,
          reason ? 503 : 200,
          reason ? { status: 'not ready', reason } : { status: 'ready' },
        ),
      );
    }
    if (url.pathname !== '/graphql' && options.documents && req.method === 'GET') {
      return void options
        .documents(url.pathname, ids)
        .then((doc) => {
          if (!doc) {
            if (options.routes?.(req, res, url)) return;
            return problem(res, ids, 404, 'NOT_FOUND', 'the GraphQL endpoint is /graphql');
          }
          res.statusCode = doc.status;
          res.setHeader('content-type', doc.contentType);
          res.setHeader('cache-control', 'public, max-age=300');
          res.end(doc.body);
        })
        .catch((error: unknown) => {
          options.log.error({ err: error, rid: ids.requestId }, 'public document failed');
          problem(res, ids, 503, 'SERVICE_UNAVAILABLE', 'try again shortly');
        });
    }
    if (url.pathname !== '/graphql' && options.routes?.(req, res, url)) return;
    if (url.pathname !== '/graphql')
      return problem(res, ids, 404, 'NOT_FOUND', 'the GraphQL endpoint is /graphql');

    const handle = (body: unknown) => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const httpGraphQLRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body,
      };
      options.server
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: () => options.context(req, ids),
        })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          setIdHeaders(res, ids); // a subgraph's context may have adopted the gateway's id
          let status = response.status ?? 200;
          if (
            status === 400 &&
            graphQLRequestErrors.has(httpGraphQLRequest) &&
            /^application\/json\b/.test(response.headers.get('content-type') ?? '')
          ) {
            status = 200;
          }
          res.statusCode = status;
          if (response.body.kind === 'complete') return void res.end(response.body.string);
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((err: unknown) => {
          log.error({ err, rid: ids.requestId, cid: ids.correlationId }, 'request failed');
          if (res.headersSent) return void res.destroy();
          problem(
            res,
            ids,
            500,
            'INTERNAL_SERVER_ERROR',
            'internal error; quote the requestId to support',
          );
        });
    };

    if (req.method !== 'POST') return handle(undefined);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (SIMPLE_TYPES.includes(type)) {
      // Not parsed: Apollo's CSRF prevention refuses it with 400 before anything runs.
      req.resume();
      return handle(undefined);
    }
    if (type !== 'application/json' && type !== 'application/graphql-response+json') {
      req.resume();
      return problem(
        res,
        ids,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the request as application/json',
      );
    }
    json(req, res, (err?: { status?: number; type?: string }) => {
      if (err) {
        const status = err.status ?? 400;
        if (status === 413)
          return problem(
            res,
            ids,
            413,
            'PAYLOAD_TOO_LARGE',
            `the request body exceeds ${options.bodyLimit}`,
          );
        if (status === 415)
          return problem(res, ids, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as UTF-8 JSON');
        return problem(res, ids, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
      }
      handle((req as unknown as { body: unknown }).body);
    });
  };

  const server = http.createServer((req, res) => {
    const ids: RequestIds = {
      requestId: randomUUID(),
      correlationId: correlationIdOf(req.headers),
    };
    setIdHeaders(res, ids);
    requestScope.run(ids, () => {
      const serve = () => {
        if (allowed.size === 0) return respond(req, res, ids);
        corsHandler(req, res, () => respond(req, res, ids));
      };
      if (!options.tracing) return serve();
      traceHttpRequest(options.tracing.service, options.tracing.trustParent, req, res, serve);
    });
  });

  return {
    server,
    listen: (port, host) => listen(server, port, host),
    async drain(delayMs) {
      draining = true;
      if (delayMs > 0) {
        log.info({ delayMs }, 'draining: not ready, still serving');
        await sleep(delayMs);
      }
      await closeServer(server);
    },
  };
}

export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stops accepting, lets requests in flight finish, then closes idle keep-alive sockets. */
export async function closeServer(server: http.Server, graceMs = 10_000): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
