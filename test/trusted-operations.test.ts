import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHash, WEB_CLIENT_NAME } from '../gateway/trusted-operations.js';
import { webManifest } from '../scripts/web-manifest.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/**
 * In production the web client runs only the operations its build registered (the
 * manifest of scripts/web-manifest.ts); ministries keep sending their own documents.
 * Development accepting anything is checked in web.test.ts, on its development graph.
 */
let graph: TestGraph;
let procedures: string;
const web = { 'apollographql-client-name': WEB_CLIENT_NAME };
const OTHER = '{ procedures { type feeDzd } }';

beforeAll(async () => {
  const manifest = await webManifest();
  procedures = manifest.operations.find((o) => o.name === 'Procedures')!.body;
  graph = await startTestGraph({
    citizens: 100,
    production: true,
    trustedOperations: new Set(manifest.operations.map((o) => o.sha256)),
  });
});
afterAll(() => graph?.stop());

describe('trusted operations, in production', () => {
  it('the web client runs a registered operation, however it is spaced', async () => {
    const res = await graph.query(procedures, {}, { headers: web });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.procedures.length).toBeGreaterThan(0);
    const respaced = await graph.query(procedures.replace(/\n\s*/g, ' '), {}, { headers: web });
    expect(respaced.body.errors).toBeUndefined();
    expect(operationHash(procedures)).toBe(operationHash(procedures.replace(/\n\s*/g, ' ')));
  });

  it('refuses any other document from the web client, by its name or its token', async () => {
    const byName = await graph.query(OTHER, {}, { headers: web });
    expect(byName.status).toBe(400);
    expect(byName.body.data).toBeUndefined();
    expect(byName.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    expect(byName.body.errors?.[0]?.message).toMatch(/registered by its build/);

    // A citizen's token belongs to the portal: without the header it is the web client still.
    const [row] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens order by nin limit 1`,
    );
    const citizen = await graph.token({ kind: 'citizen', nin: row!.nin });
    const byToken = await graph.query(
      '{ me { nin consultations { nodes { at } } } }',
      {},
      { token: citizen },
    );
    expect(byToken.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('a ministry client keeps sending its own documents', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const res = await graph.query(OTHER, {}, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.procedures.length).toBeGreaterThan(0);
  });
});
