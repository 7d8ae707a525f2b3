import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import bodyParser from 'body-parser';

/** Content types a browser may send without a CORS preflight: Apollo's CSRF check answers those. */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface HttpOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  context: (req: http.IncomingMessage) => Promise<C>;
  /** Largest accepted request body. */
  bodyLimit: string;
  /** False while starting or draining: `/ready` answers 503 and load balancers move on. */
  isReady: () => boolean;
  /** The header that carries the request id back to the caller. */
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function problem(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * A plain node:http front for Apollo Server: health and readiness probes, a body size
 * limit (413), JSON only (415 for other types), and everything else to Apollo.
 */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): http.Server {
  const json = bodyParser.json({ limit: options.bodyLimit, strict: false, type: () => true });

  return http.createServer((req, res) => {
    options.onRequest?.(req, res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const ready = options.isReady();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    }
    if (url.pathname !== '/graphql')
      return problem(res, 404, 'NOT_FOUND', 'the GraphQL endpoint is /graphql');

    const handle = (body: unknown) => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      options.server
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? 'GET').toUpperCase(),
            headers,
            search: url.search,
            body,
          },
          context: () => options.context(req),
        })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === 'complete') return void res.end(response.body.string);
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch(() => problem(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error'));
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
      return problem(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json');
    }
    json(req, res, (err?: { status?: number; type?: string }) => {
      if (err) {
        const status = err.status ?? 400;
        if (status === 413)
          return problem(
            res,
            413,
            'PAYLOAD_TOO_LARGE',
            `the request body exceeds ${options.bodyLimit}`,
          );
        return problem(res, status, 'BAD_REQUEST', 'the request body is not valid JSON');
      }
      handle((req as unknown as { body: unknown }).body);
    });
  });
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
