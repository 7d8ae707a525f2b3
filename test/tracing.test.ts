import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { trace } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, tracingActive, type Tracing } from '../subgraphs/kit/tracing.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** A tiny OTLP/HTTP collector: keeps every span posted to /v1/traces (JSON). */
async function otlpReceiver() {
  const spans: ExportedSpan[] = [];
  const posts: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const parsed = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[];
      };
      for (const rs of parsed.resourceSpans)
        for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    posts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const attr = (s: ExportedSpan, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? String(v.intValue) : undefined);
};

const READ = `query TracedRead($nin: String!) { citizen(nin: $nin) { nin familyNameLat } }`;
const PURPOSE = 'SOCIAL_SECURITY_ENTITLEMENT';

let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
let graph: TestGraph | undefined;
let tracing: Tracing | undefined;
let nin: string;

beforeAll(async () => {
  receiver = await otlpReceiver();
});
afterAll(async () => {
  await graph?.stop();
  await tracing?.shutdown();
  await receiver.close();
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('no SDK is started: the API is a no-op and nothing is exported', async () => {
    tracing = await startTracing({ endpoint: undefined, serviceName: 'test' });
    graph = await startTestGraph({ citizens: 60 });
    nin = (
      await rows<{ nin: string }>(graph.database.db, sql`select nin from citizens.citizens limit 1`)
    )[0]!.nin;
    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const res = await graph.query(READ, { nin }, { token, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    await tracing.flush();
    expect(tracingActive()).toBe(false);
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe('0'.repeat(32));
    span.end();
    await sleep(1500); // past the batch delay an SDK would have used
    expect(receiver.posts).toEqual([]);
    await graph.stop();
    graph = undefined;
  }, 240_000);
});

describe('with an OTLP endpoint', () => {
  it('one request is one trace: gateway → subgraph fetch → subgraph → SQL, each span with the request id', async () => {
    tracing = await startTracing({ endpoint: receiver.url, serviceName: 'e-commune-test' });
    expect(tracingActive()).toBe(true);
    graph = await startTestGraph({ citizens: 60 });
    nin = (
      await rows<{ nin: string }>(graph.database.db, sql`select nin from citizens.citizens limit 1`)
    )[0]!.nin;
    await tracing.flush();
    receiver.spans.length = 0; // the graph's start-up statements are not the request's

    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    // A caller's own traceparent is not continued by the public gateway.
    const foreign = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const res = await graph.query(
      READ,
      { nin },
      { token, purpose: PURPOSE, headers: { traceparent: foreign } },
    );
    expect(res.body.errors).toBeUndefined();
    const requestId = res.headers.get('x-request-id')!;
    await sleep(200); // the subgraph's server span ends just after its answer
    await tracing.flush();

    expect(receiver.posts[0]).toMatch(/^POST \/v1\/traces application\/json/);
    const gatewaySpan = receiver.spans.find(
      (s) => attr(s, 'ecommune.service') === 'gateway' && attr(s, 'request.id') === requestId,
    );
    expect(gatewaySpan, 'the gateway server span').toBeDefined();
    expect(gatewaySpan!.traceId).not.toBe(foreign.split('-')[1]);
    expect(gatewaySpan!.parentSpanId ?? '').toBe('');
    const inTrace = receiver.spans.filter((s) => s.traceId === gatewaySpan!.traceId);

    const byId = new Map(inTrace.map((s) => [s.spanId, s]));
    const fetch = inTrace.find((s) => s.name === 'POST citizens');
    expect(fetch, 'the subgraph fetch span').toBeDefined();
    const subgraph = inTrace.find(
      (s) => attr(s, 'ecommune.service') === 'citizens' && s.parentSpanId === fetch!.spanId,
    );
    expect(subgraph, 'the citizens server span, child of the fetch').toBeDefined();
    const ancestors = (s: ExportedSpan) => {
      const chain: ExportedSpan[] = [];
      for (
        let p = s.parentSpanId && byId.get(s.parentSpanId);
        p;
        p = p.parentSpanId && byId.get(p.parentSpanId)
      )
        chain.push(p);
      return chain;
    };
    const sqlSpans = inTrace.filter((s) => attr(s, 'db.system.name') === 'postgresql');
    const citizenSelect = sqlSpans.find((s) => s.name === 'SELECT citizens.citizens');
    expect(
      citizenSelect,
      `a SELECT span among ${sqlSpans.map((s) => s.name).join(', ')}`,
    ).toBeDefined();
    expect(ancestors(citizenSelect!)).toContain(subgraph);
    expect(ancestors(citizenSelect!)).toContain(gatewaySpan);
    // The audit write of this read is in the trace too: the locked INSERT, or the one
    // statement that appends once the writer knows the chain's head (kit/audit.ts).
    expect(
      sqlSpans.some(
        (s) =>
          s.name === 'INSERT citizens.consultations' ||
          (attr(s, 'db.query.text') ?? '').includes('"citizens".append_consultations('),
      ),
      `an audit write among ${sqlSpans.map((s) => s.name).join(', ')}`,
    ).toBe(true);
    // Statements carry their text with placeholders, never the NIN.
    for (const s of sqlSpans) expect(attr(s, 'db.query.text') ?? '').not.toContain(nin);

    // Every span of the trace carries the request id the caller got back.
    expect(inTrace.length).toBeGreaterThanOrEqual(5);
    for (const s of inTrace) expect(attr(s, 'request.id'), s.name).toBe(requestId);
  }, 240_000);
});
