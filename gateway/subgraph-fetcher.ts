import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { startClientSpan } from '../subgraphs/kit/tracing.js';
import type { FetchObserver } from './metrics.js';

export interface FetchCounter {
  fetches: number;
}

/**
 * Sockets to the subgraphs are kept open between fetches (keep-alive) and shared by all
 * requests, so a fetch costs no TCP handshake; the pool is wide enough for the
 * gateway's concurrency, beyond which fetches queue on the agent rather than fail.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
};

/** The response the gateway's data source reads: status, headers and a body read once. */
function responseOf(url: string, res: http.IncomingMessage, body: string): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = res.statusCode ?? 0;
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: res.statusMessage ?? '',
    headers,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    json: async () => JSON.parse(body),
    text: async () => body,
    clone: () => responseOf(url, res, body),
  };
  return response;
}

/**
 * A fetch to one subgraph over node:http with keep-alive sockets (cheaper per fetch than
 * the WHATWG fetch, which builds streams for every body), with a deadline over the whole
 * exchange, body included. On timeout or a refused connection it throws a plain Error
 * whose message names the subgraph but not its address: the gateway then answers with
 * the other subgraphs' data and an error, instead of failing the whole operation.
 */
export function subgraphFetcher(
  subgraph: string,
  timeoutMs: number,
  counter?: FetchCounter,
  observe?: FetchObserver,
): Fetcher {
  return ((
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string },
  ) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      if (counter) counter.fetches += 1;
      const target = new URL(url);
      const transport = target.protocol === 'https:' ? https : http;
      const body = init.body ?? '';
      const started = process.hrtime.bigint();
      // The W3C traceparent of this fetch's span goes with it: the subgraph continues the trace.
      const span = startClientSpan(`POST ${subgraph}`, {
        'subgraph.name': subgraph,
        'http.request.method': init.method ?? 'POST',
        'server.address': target.hostname,
        'server.port': Number(target.port) || (target.protocol === 'https:' ? 443 : 80),
      });
      const done = (failure: 'timeout' | 'connection' | 'http_status' | null, status?: number) => {
        observe?.(subgraph, Number(process.hrtime.bigint() - started) / 1e9, failure);
        span.end(failure ?? undefined, status);
      };
      let settled = false;
      const fail = (timedOut: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done(timedOut ? 'timeout' : 'connection');
        reject(
          new Error(
            timedOut
              ? `the ${subgraph} service did not answer within ${timeoutMs} ms`
              : `the ${subgraph} service is unavailable`,
          ),
        );
      };
      // A kept-alive socket that the subgraph closed as idle just as this fetch reused it
      // fails before any answer: the request never reached the subgraph (a server closes
      // only idle sockets), so it is sent again once on a new socket, as Node's
      // documentation advises (`request.reusedSocket`). Seen under load: "the communes
      // service is unavailable" once in a 10-minute W2 run.
      let current: http.ClientRequest;
      const send = (retried: boolean) => {
        let answered = false;
        const req = transport.request(
          target,
          {
            method: init.method ?? 'POST',
            headers: {
              ...init.headers,
              ...span.headers,
              'content-length': String(Buffer.byteLength(body)),
            },
            agent: agents[target.protocol as 'http:' | 'https:'],
          },
          (res) => {
            answered = true;
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', () => fail(false));
            res.on('end', () => {
              if (settled) return;
              settled = true;
              clearTimeout(timer);
              const status = res.statusCode ?? 0;
              done(status >= 200 && status < 300 ? null : 'http_status', status);
              resolve(responseOf(url, res, Buffer.concat(chunks).toString('utf8')));
            });
          },
        );
        current = req;
        req.on('error', () => {
          if (!settled && !answered && !retried && req.reusedSocket) send(true);
          else fail(false);
        });
        req.end(body);
      };
      const timer = setTimeout(() => {
        fail(true);
        current.destroy();
      }, timeoutMs);
      send(false);
    })) as unknown as Fetcher;
}
