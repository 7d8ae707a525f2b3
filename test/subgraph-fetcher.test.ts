import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
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

  it('send a fetch again on a new connection when the subgraph closed the kept-alive one it reused', async () => {
    // A subgraph that answers the first request of each connection and, like a server
    // closing an idle socket at that very moment, drops the connection when a second
    // request comes on it, unanswered.
    const sockets: Socket[] = [];
    let accepted = 0;
    const closing = createTcpServer((socket) => {
      accepted += 1;
      sockets.push(socket);
      let requests = 0;
      socket.on('data', () => {
        requests += 1;
        if (requests > 1) return socket.destroy();
        const body = JSON.stringify({ data: { ok: true } });
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`,
        );
      });
    });
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const closingUrl = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/graphql`;
    try {
      const fetcher = subgraphFetcher('communes', 5000);
      expect(await (await fetcher(closingUrl, post('{ a }'))).json()).toEqual({
        data: { ok: true },
      });
      // The second fetch reuses the first connection, which the subgraph drops.
      expect(await (await fetcher(closingUrl, post('{ b }'))).json()).toEqual({
        data: { ok: true },
      });
      expect(accepted).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => closing.close(() => r()));
    }
  });

  it('do not send again when a new connection fails: the subgraph is down', async () => {
    const down = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    let accepted = 0;
    down.on('connection', () => (accepted += 1));
    try {
      const error = await subgraphFetcher('vehicles', 5000)(
        `http://127.0.0.1:${(down.address() as AddressInfo).port}/graphql`,
        post('{ c }'),
      ).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toBe('the vehicles service is unavailable');
      expect(accepted).toBe(1);
    } finally {
      await new Promise<void>((r) => down.close(() => r()));
    }
  });
});
