import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { gatewayProcessEnv, spawnService, type ChildService } from './support/replicas.js';

/**
 * SIGTERM to a gateway process started as production starts it (NODE_ENV=production, where
 * Apollo Server would otherwise handle the signal itself and end the process at once): it
 * must say not ready first, keep answering through the drain, then close and exit 0.
 */
const DRAIN_MS = 1000;
const GRACE_MS = 10_000;

let graph: TestGraph | undefined;
let gateway: ChildService | undefined;
let dir: string | undefined;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 20 });
  dir = mkdtempSync(join(tmpdir(), 'ecg-gateway-sigterm-'));
  gateway = await spawnService(
    'gateway/main.ts',
    await gatewayProcessEnv(graph, dir, {
      READINESS_DRAIN_MS: String(DRAIN_MS),
      NODE_ENV: 'production',
    }),
  );
}, 120_000);
afterAll(async () => {
  await gateway?.stop(2000);
  await graph?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM to the gateway in production', () => {
  it('not ready first, answering through the drain, then closed and gone with exit code 0', async () => {
    const gw = gateway!;
    const termAt = Date.now();
    gw.child.kill('SIGTERM');
    let notReadyAt = 0;
    let closedAt = 0;
    let answeredDuringDrain = 0;
    while (!closedAt && Date.now() - termAt < GRACE_MS) {
      const [ready, health, query] = await Promise.all([
        fetch(`${gw.base}/ready`).then(
          (r) => r.status,
          () => 0,
        ),
        fetch(`${gw.base}/health`).then(
          (r) => r.status,
          () => 0,
        ),
        fetch(`${gw.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ wilaya(code: "16") { nameFr } }' }),
        }).then(
          async (r) => (await r.json()) as { data?: { wilaya?: { nameFr?: string } } },
          () => null,
        ),
      ]);
      if (!notReadyAt && ready === 503 && health === 200) notReadyAt = Date.now();
      if (notReadyAt && query?.data?.wilaya?.nameFr) answeredDuringDrain += 1;
      if (health === 0) closedAt = Date.now();
      await sleep(25);
    }
    const code = await Promise.race([gw.exited, sleep(GRACE_MS).then(() => 'still running')]);

    expect(notReadyAt).toBeGreaterThan(0);
    expect(notReadyAt - termAt).toBeLessThan(DRAIN_MS);
    expect(answeredDuringDrain).toBeGreaterThan(0);
    expect(closedAt - termAt).toBeGreaterThanOrEqual(DRAIN_MS - 50);
    expect(code).toBe(0);
  }, 30_000);
});
