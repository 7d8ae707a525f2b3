import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpen311, type RunningOpen311 } from '../open311/server.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

let graph: TestGraph;
let open311: RunningOpen311;

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  // The adapter is the gateway's trusted proxy: the kiosk limits count the app user's address.
  graph = await startTestGraph({ citizens: 200, trustedProxies: ['127.0.0.1'] });
  open311 = await startOpen311({ gatewayUrl: graph.gateway.url, port: 0 });
});
afterAll(async () => {
  await open311?.stop();
  await graph?.stop();
});

describe('Open311 GeoReport v2', () => {
  it('lists the services, files a request as a 311 app does, and follows it with the phone', async () => {
    const services = (await (
      await fetch(`${open311.url}/services.json?jurisdiction_id=1601`)
    ).json()) as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).toEqual([
      'waste_not_collected',
      'water_leak',
      'public_lighting',
      'noise',
      'unsanitary_premises',
      'stray_animals',
      'other',
    ]);

    const post = await fetch(
      `${open311.url}/requests.json`,
      form({
        jurisdiction_id: '1601',
        service_code: 'water_leak',
        lat: '36.7538',
        long: '3.0588',
        description: 'Fuite importante sur le trottoir.',
        phone: '0661234567',
        device_id: 'app-install-42',
      }),
    );
    expect(post.status).toBe(201);
    const [filed] = (await post.json()) as { service_request_id: string }[];
    expect(filed!.service_request_id).toMatch(/^RQ-1601-\d{4}-\d{6}$/);
    const [row] = await rows<{ category: string; place: string; channel: string }>(
      graph.database.db,
      sql`select category, place, channel from hygiene.requests where number = ${filed!.service_request_id}`,
    );
    expect(row).toEqual({
      category: 'WATER_LEAK',
      place: 'GPS 36.753800, 3.058800',
      channel: 'KIOSK',
    });

    // The same post from the same device files nothing new.
    const again = await fetch(
      `${open311.url}/requests.json`,
      form({
        jurisdiction_id: '1601',
        service_code: 'water_leak',
        lat: '36.7538',
        long: '3.0588',
        description: 'Fuite importante sur le trottoir.',
        phone: '0661234567',
        device_id: 'app-install-42',
      }),
    );
    expect(((await again.json()) as { service_request_id: string }[])[0]!.service_request_id).toBe(
      filed!.service_request_id,
    );

    const followed = await fetch(
      `${open311.url}/requests/${filed!.service_request_id}.json?phone=0661234567`,
    );
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual([
      expect.objectContaining({
        service_request_id: filed!.service_request_id,
        status: 'open',
        service_code: 'water_leak',
      }),
    ]);
    const wrong = await fetch(
      `${open311.url}/requests/${filed!.service_request_id}.json?phone=0550000000`,
    );
    expect(wrong.status).toBe(404);

    // The office's own app lists its queue with its token.
    const office = await graph.token({ kind: 'agent', commune: '1601', service: 'HYGIENE' });
    const queue = await fetch(`${open311.url}/requests.json?service_code=water_leak`, {
      headers: { authorization: `Bearer ${office}` },
    });
    const listed = (await queue.json()) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(filed!.service_request_id);
  });

  it('answers bad requests in Open311 error form, filing nothing', async () => {
    const before = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from hygiene.requests`,
    );
    const cases: [Record<string, string>, number][] = [
      [
        {
          jurisdiction_id: '1601',
          service_code: 'potholes',
          address_string: 'x',
          description: 'y',
          phone: '0661234567',
        },
        404,
      ],
      [
        {
          jurisdiction_id: '1601',
          service_code: 'noise',
          address_string: 'Rue A',
          description: 'y',
          phone: '123',
        },
        400,
      ],
      [
        {
          jurisdiction_id: '1601',
          service_code: 'noise',
          address_string: 'Rue A',
          description: '',
          phone: '0661234567',
        },
        400,
      ],
      [
        { service_code: 'noise', address_string: 'Rue A', description: 'y', phone: '0661234567' },
        400,
      ],
    ];
    for (const [fields, status] of cases) {
      const res = await fetch(`${open311.url}/requests.json`, form(fields));
      expect(res.status, JSON.stringify(fields)).toBe(status);
      const [error] = (await res.json()) as { code: number; description: string }[];
      expect(error!.code).toBe(status);
      expect(error!.description.length).toBeGreaterThan(5);
    }
    const after = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from hygiene.requests`,
    );
    expect(after).toEqual(before);
  });
});
