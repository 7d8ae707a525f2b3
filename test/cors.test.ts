import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_WEB_ORIGINS, gatewayEnvSchema } from '../gateway/config.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

/**
 * A ministry front-end served from its own origin calls the gateway from a browser. Two
 * real web servers on other ports stand for two such front-ends: one whose origin the
 * gateway is configured to allow, one not. The requests below are those a browser sends
 * for a page of each (the preflight, then the call), with the page's Origin.
 */
function frontEnd(gatewayUrl: () => string) {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><script>fetch(${JSON.stringify(gatewayUrl())}, { method: 'POST', ` +
        `headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ wilayas { code } }' }) })</script>`,
    );
  });
  return {
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let graph: TestGraph;
const ministryPage = frontEnd(() => graph.gateway.url);
const strangerPage = frontEnd(() => graph.gateway.url);
let allowedOrigin: string;
let strangerOrigin: string;
let token: string;

beforeAll(async () => {
  allowedOrigin = await ministryPage.start();
  strangerOrigin = await strangerPage.start();
  graph = await startTestGraph({ citizens: 10, production: true, corsOrigins: [allowedOrigin] });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(async () => {
  await graph?.stop();
  await ministryPage.close();
  await strangerPage.close();
});

const preflight = (origin: string) =>
  fetch(graph.gateway.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-purpose',
    },
  });

const call = (origin: string) =>
  fetch(graph.gateway.url, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-purpose': 'CIVIL_STATUS_ADMINISTRATION',
    },
    body: JSON.stringify({ query: '{ citizens(first: 1) { nodes { nin } } }' }),
  });

describe('CORS for a front-end on an allowed origin', () => {
  it('serves the front-end from its own origin (another port than the gateway)', async () => {
    const page = await fetch(allowedOrigin);
    expect(await page.text()).toContain(graph.gateway.url);
    expect(new URL(graph.gateway.url).origin).not.toBe(allowedOrigin);
  });

  it('answers the preflight with 204 and exactly what the browser needs', async () => {
    const res = await preflight(allowedOrigin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining([
        'content-type',
        'authorization',
        'x-purpose',
        'x-request-id',
        'apollo-require-preflight',
      ]),
    );
    // Bearer tokens, no cookies: credentials are never allowed.
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the page read the answer and its X-Request-Id', async () => {
    const res = await call(allowedOrigin);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as any;
    expect(body.data.citizens.nodes).toHaveLength(1);
  });
});

describe('CORS for a front-end on an origin not allowed', () => {
  it('refuses the preflight: 403, no Access-Control-Allow-Origin', async () => {
    const res = await preflight(strangerOrigin);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(body.errors[0].extensions.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('gives a request sent anyway no Access-Control-Allow-Origin, so the browser hides it', async () => {
    const res = await call(strangerOrigin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('does not take an allowed origin with a different port or scheme for itself', async () => {
    const url = new URL(allowedOrigin);
    for (const near of [
      `https://${url.host}`,
      `http://${url.hostname}:${Number(url.port) + 1}`,
      `${allowedOrigin}.evil.example`,
    ]) {
      const res = await preflight(near);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CORS_ORIGINS configuration', () => {
  const parse = (env: Record<string, string>) => gatewayEnvSchema.safeParse(env);

  it('allows no origin by default in production', () => {
    expect(parse({ NODE_ENV: 'production' }).data?.CORS_ORIGINS).toEqual([]);
  });

  it('allows the local web origins by default in development', () => {
    expect(parse({ NODE_ENV: 'development' }).data?.CORS_ORIGINS).toEqual(DEVELOPMENT_WEB_ORIGINS);
    expect(DEVELOPMENT_WEB_ORIGINS).toContain('http://127.0.0.1:5173');
  });

  it('reads a comma-separated list, and an empty value means none', () => {
    expect(
      parse({ NODE_ENV: 'production', CORS_ORIGINS: 'https://sante.gov.dz, https://x.gov.dz:8443' })
        .data?.CORS_ORIGINS,
    ).toEqual(['https://sante.gov.dz', 'https://x.gov.dz:8443']);
    expect(parse({ NODE_ENV: 'development', CORS_ORIGINS: '' }).data?.CORS_ORIGINS).toEqual([]);
  });

  it('refuses what is not an origin, saying so', () => {
    for (const bad of ['https://sante.gov.dz/', '*', 'sante.gov.dz', 'https://sante.gov.dz/app']) {
      const res = parse({ CORS_ORIGINS: bad });
      expect(res.success).toBe(false);
      expect(res.error?.issues[0]?.message).toMatch(/scheme:\/\/host/);
    }
  });
});
