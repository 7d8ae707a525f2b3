import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../gateway/server.js';
import { documentsSubgraph } from '../subgraphs/documents/index.js';
import { relayOnce } from '../subgraphs/kit/relay.js';
import { HttpSmsProvider } from '../subgraphs/kit/sms.js';
import {
  applicationsUnderReview,
  counterAgent,
  COUNTER,
  REJECT,
  rejection,
} from './support/applications.js';
import { postgresReachable } from './support/database.js';
import { startExtraGateway } from './support/extra-gateway.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { steadyLoad, waitFor } from './support/load.js';
import { spawnService, writeInternalPublicKey, type ChildService } from './support/replicas.js';
import { startSmsReceiver } from './support/sms-receiver.js';
import { rows } from './support/sql.js';

/**
 * SIGTERM to a documents subgraph process while counters keep rejecting applications through
 * the gateway (each rejection: an audited read of the application and an SMS in the outbox,
 * in one transaction). What the orchestrator and the callers must see: readiness false at
 * once, requests still served through the drain, in-flight ones finished, new ones refused
 * cleanly, the process gone within its grace period, and nothing it acknowledged lost.
 */
const DRAIN_MS = 1500;
const GRACE_MS = 10_000;

let graph: TestGraph | undefined;
let service: ChildService | undefined;
let gateway: RunningGateway | undefined;
let dir: string;

beforeAll(async () => {
  if (!(await postgresReachable())) return;
  graph = await startTestGraph({ citizens: 400 });
  dir = mkdtempSync(join(tmpdir(), 'ecg-sigterm-'));
  service = await spawnService('subgraphs/documents/server.ts', {
    DATABASE_URL: graph.database.url!,
    INTERNAL_PUBLIC_KEY_FILE: writeInternalPublicKey(graph, dir),
    SUBGRAPH_CITIZENS_URL: graph.subgraphs.citizens!.url,
    READINESS_DRAIN_MS: String(DRAIN_MS),
    // As production runs it: Apollo Server's own signal handlers are on outside NODE_ENV=test.
    NODE_ENV: 'production',
  });
  gateway = await startExtraGateway(graph, {
    production: false,
    subgraphUrls: { documents: `${service.base}/graphql` },
  });
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await service?.stop(1000);
  await graph?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  number: string;
  status: number;
  requestId: string | null;
  code: string | null;
  result: { status: string } | null;
}

describe('SIGTERM to a subgraph under load', () => {
  it('drains: not ready first, in flight finished, new refused, gone in time, nothing lost', async (ctx) => {
    if (!graph || !service || !gateway) return ctx.skip();
    const g = graph;
    const s = service;
    const url = gateway.url;
    const apps = await applicationsUnderReview(g, 100);
    const agent = await counterAgent(g);
    let next = 0;
    const load = steadyLoad(6, async (): Promise<Answer> => {
      const app = apps[next++ % apps.length]!;
      if (next > apps.length) {
        await sleep(50); // every application rejected once: the load idles
        return { number: '', status: 0, requestId: null, code: 'IDLE', result: null };
      }
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${agent}`,
          'x-purpose': COUNTER,
        },
        body: JSON.stringify({ query: REJECT, variables: rejection(app) }),
      });
      const body = (await res.json()) as any;
      // A counter's pace (about 20 requests a second in all), so that the applications
      // outlast the drain however fast the machine serves them.
      await sleep(300);
      return {
        number: app.number,
        status: res.status,
        requestId: res.headers.get('x-request-id'),
        code: body.errors?.[0]?.extensions?.code ?? null,
        result: body.data?.changeApplicationStatus ?? null,
      };
    });
    const answers = () => load.answered.filter((a) => a.value && a.value.code !== 'IDLE');
    await waitFor(
      '10 rejections served',
      () => answers().filter((a) => !a.value!.code).length >= 10,
    );

    const termAt = Date.now();
    s.child.kill('SIGTERM');
    // The probes, as the kubelet polls them: /ready must fail while /health still answers.
    let notReadyAt = 0;
    let closedAt = 0;
    while (!closedAt && Date.now() - termAt < GRACE_MS) {
      const [ready, health] = await Promise.all(
        ['/ready', '/health'].map((p) =>
          fetch(`${s.base}${p}`).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
      if (!notReadyAt && ready === 503 && health === 200) notReadyAt = Date.now();
      if (health === 0) closedAt = Date.now();
      await sleep(25);
    }
    const code = await Promise.race([s.exited, sleep(GRACE_MS).then(() => 'still running')]);
    const exitedAt = Date.now();
    await sleep(300); // a few requests after the exit: refused
    const all = (await load.stop()).filter((a) => a.value?.code !== 'IDLE');

    expect(notReadyAt).toBeGreaterThan(0);
    expect(notReadyAt - termAt).toBeLessThan(DRAIN_MS);
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - termAt).toBeGreaterThanOrEqual(DRAIN_MS - 50); // the drain was kept
    expect(code).toBe(0);
    expect(exitedAt - termAt).toBeLessThan(GRACE_MS);

    // Every request got an answer: served whole, or refused with SERVICE_UNAVAILABLE. None
    // half-done, none a transport error, none an internal error.
    expect(all.filter((a) => a.error)).toEqual([]);
    const answered = all.map((a) => ({ ...a.value!, startedAt: a.startedAt, endedAt: a.endedAt }));
    const served = answered.filter((a) => a.code === null);
    const refused = answered.filter((a) => a.code !== null);
    expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(served.every((a) => a.result?.status === 'REJECTED')).toBe(true);
    // Served during the drain (after SIGTERM, before the listener closed) and refused after.
    expect(
      served.filter((a) => a.startedAt > termAt && a.endedAt < closedAt).length,
    ).toBeGreaterThan(0);
    expect(refused.filter((a) => a.startedAt > closedAt).length).toBeGreaterThan(0);
    expect(served.filter((a) => a.startedAt > closedAt + 50)).toEqual([]);

    // Nothing lost: each served rejection is in the database with its SMS queued and its
    // audited read; each refused one left no trace.
    const numbers = (list: Answer[]) => list.map((a) => a.number);
    const state = await rows<{ number: string; status: string; queued: number }>(
      g.database.db,
      sql`select a.number, a.status,
                 (select count(*)::int from documents.outbox o where o.application_number = a.number) as queued
            from documents.applications a where a.number = any(${`{${apps.map((a) => a.number).join(',')}}`}::text[])`,
    );
    const byNumber = new Map(state.map((r) => [r.number, r]));
    for (const n of numbers(served))
      expect(byNumber.get(n)).toMatchObject({ status: 'REJECTED', queued: 1 });
    for (const n of numbers(refused))
      expect(byNumber.get(n)).toMatchObject({ status: 'UNDER_REVIEW', queued: 0 });
    const audited = await rows<{ request_id: string }>(
      g.database.db,
      sql`select distinct request_id from documents.consultations`,
    );
    const auditedIds = new Set(audited.map((r) => r.request_id));
    expect(served.filter((a) => !auditedIds.has(a.requestId!))).toEqual([]);
    expect(refused.filter((a) => auditedIds.has(a.requestId!))).toEqual([]);

    // Every committed message is delivered afterwards, once.
    const sms = await startSmsReceiver();
    try {
      const provider = new HttpSmsProvider(sms.url);
      while ((await relayOnce(g.database.db, documentsSubgraph.outbox!, provider)).sent > 0);
      const pending = await rows<{ n: number }>(
        g.database.db,
        sql`select count(*)::int as n from documents.outbox where status = 'PENDING'`,
      );
      expect(Number(pending[0]!.n)).toBe(0);
      const texts = sms.received.map((r) => r.text);
      expect(texts.length).toBe(served.length);
      expect([...sms.counts().values()].every((n) => n === 1)).toBe(true);
    } finally {
      await sms.close();
    }
  }, 90_000);
});
