import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphFetcher } from '../gateway/subgraph-fetcher.js';

// A real HTTP server standing for a subgraph: it counts the TCP connections it accepts.
let server: Server;
let url: string;
let connections = 0;
let delayMs = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () =>
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { echo: JSON.parse(body).query } }));
      }, delayMs),
    );
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (query: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});

describe('the gateway’s fetches to a subgraph', () => {
  it('reuse one kept-alive connection instead of opening one per fetch', async () => {
    const fetcher = subgraphFetcher('citizens', 5000);
    const before = connections;
    for (let i = 0; i < 20; i++) {
      const res = await fetcher(url, post(`{ n${i} }`));
      expect(await res.json()).toEqual({ data: { echo: `{ n${i} }` } });
    }
    expect(connections - before).toBe(1);
  });

  it('give up at the deadline with an error that names the subgraph and not its address', async () => {
    delayMs = 500;
    try {
      const error = await subgraphFetcher('citizens', 100)(url, post('{ slow }')).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toBe('the citizens service did not answer within 100 ms');
      expect(error?.message).not.toContain('127.0.0.1');
    } finally {
      delayMs = 0;
    }
  });
});
