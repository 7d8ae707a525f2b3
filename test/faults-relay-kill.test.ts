import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationsUnderReview,
  counterAgent,
  COUNTER,
  REJECT,
  rejection,
} from './support/applications.js';
import { postgresReachable } from './support/database.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { steadyLoad, waitFor } from './support/load.js';
import { scrape, spawnService, type ChildService } from './support/replicas.js';
import { startSmsReceiver } from './support/sms-receiver.js';
import { rows } from './support/sql.js';

/**
 * The relay SIGKILLed while counters keep rejecting applications (each queues an SMS in the
 * documents outbox): the backlog grows while it is gone, and after a restart drains to zero,
 * every message delivered, resent only if the killed relay had it in flight, and then under
 * its one message id, which the SMS provider deduplicates.
 */
const BATCH = 5;
let graph: TestGraph | undefined;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
const relays: ChildService[] = [];

beforeAll(async () => {
  if (!(await postgresReachable())) return;
  graph = await startTestGraph({ citizens: 400 });
  sms = await startSmsReceiver({ delayMs: 15 });
}, 120_000);
afterAll(async () => {
  for (const r of relays) await r.stop(2000);
  await sms?.close();
  await graph?.stop();
});

const pendingIn = async (g: TestGraph) =>
  Number(
    (
      await rows<{ n: number }>(
        g.database.db,
        sql`select count(*)::int as n from documents.outbox where status = 'PENDING'`,
      )
    )[0]!.n,
  );

describe('a relay killed while a subgraph keeps writing', () => {
  it('after a restart the backlog drains to zero, each message delivered under one id', async (ctx) => {
    if (!graph) return ctx.skip();
    const g = graph;
    const apps = await applicationsUnderReview(g, 60);
    const agent = await counterAgent(g);
    const env = {
      DATABASE_URL: g.database.url!,
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: sms.url,
      RELAY_INTERVAL_MS: '30',
      RELAY_BATCH_SIZE: String(BATCH),
    };
    relays.push(await spawnService('scripts/relay.ts', env));
    let next = 0;
    const writes = steadyLoad(2, async () => {
      const app = apps[next++];
      if (!app) {
        await sleep(50);
        return null;
      }
      const res = await g.query(REJECT, rejection(app), { token: agent, purpose: COUNTER });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      await sleep(20); // a counter's pace, so the relay has work while it runs
      return app.number;
    });
    const served = () => writes.answered.filter((a) => a.value).length;

    await waitFor('the relay to deliver while the counters write', () => sms.received.length >= 5);
    relays[0]!.child.kill('SIGKILL');
    await relays[0]!.exited;
    const killedAt = served();
    await waitFor('more messages written with no relay', () => served() >= killedAt + 15);
    const backlog = await pendingIn(g);
    expect(backlog).toBeGreaterThanOrEqual(15);

    relays.push(await spawnService('scripts/relay.ts', env));
    await waitFor('every application rejected', () => served() === apps.length, 40_000);
    await writes.stop();
    expect(writes.answered.filter((a) => a.error)).toEqual([]);
    await waitFor('the backlog to drain', async () => (await pendingIn(g)) === 0, 30_000, 100);
    expect(await scrape(relays[1]!.metricsUrl, 'outbox_pending_messages{outbox="documents"}')).toBe(
      0,
    );

    const sent = await rows<{ id: number }>(
      g.database.db,
      sql`select id from documents.outbox where status = 'SENT' order by id`,
    );
    expect(sent).toHaveLength(apps.length);
    const counts = sms.counts();
    // Every message arrived, under its own id, and nothing else did.
    expect([...counts.keys()].sort()).toEqual(sent.map((r) => `outbox-${r.id}`).sort());
    // A message arrives twice only if the killed relay held it in its uncommitted batch:
    // at most one batch, and the second time under the same id (the provider drops it).
    const twice = [...counts.values()].filter((n) => n > 1);
    expect(twice.every((n) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(BATCH);
  }, 120_000);
});
