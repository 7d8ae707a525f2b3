import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTRACT_ISSUER,
  presentExtract,
  verifyPresentation,
} from '../subgraphs/citizens/extract.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let holder: { nin: string; birth_commune_code: string };
let citizen: string;

const ISSUE = `mutation($nin: String!) { issueBirthExtract(nin: $nin) { credential code actNumber expiresAt disclosableFields } }`;
const VERIFY = `query($p: String!) { verifyExtract(presentation: $p) { verdict actNumber code issuedOn disclosed { name value } } }`;
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

/** One character changed at a position of the string (a letter swapped for another). */
const alter = (s: string, at: number) =>
  s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

async function offlineKit() {
  const keys = await graph.query(`{ extractIssuerKeys }`);
  const list = await graph.query(`{ extractStatusList(list: 0) }`);
  return {
    jwks: JSON.parse(keys.body.data.extractIssuerKeys) as { keys: object[] },
    statusList: list.body.data.extractStatusList as string,
  };
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  [holder] = (await rows(
    graph.database.db,
    sql`select nin, birth_commune_code from citizens.citizens where death_date is null
        and father_nin is not null and birth_date < '2000-01-01' order by nin limit 1`,
  )) as [typeof holder];
  citizen = await graph.token({ kind: 'citizen', nin: holder.nin });
});
afterAll(() => graph?.stop());

describe('the digital birth extract', () => {
  let credential: string;
  let twoFields: string;

  it('is issued to the citizen, presented with two fields, and verified online and offline', async () => {
    const issued = await graph.query(ISSUE, { nin: holder.nin }, { token: citizen });
    expect(issued.body.errors).toBeUndefined();
    const extract = issued.body.data.issueBirthExtract;
    expect(extract.code).toMatch(/^EX-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(extract.actNumber).toMatch(/-B-\d{6}$/);
    credential = extract.credential;

    twoFields = await presentExtract(credential, ['given_name_lat', 'birth_date']);
    expect(twoFields.split('~').filter(Boolean)).toHaveLength(3); // JWT + two disclosures

    const online = await graph.query(VERIFY, { p: twoFields });
    expect(online.body.errors).toBeUndefined();
    const v = online.body.data.verifyExtract;
    expect(v.verdict).toBe('VALID');
    expect(v.actNumber).toBe(extract.actNumber);
    expect(v.code).toBe(extract.code);
    const [person] = await rows<{ given_name_lat: string; birth_date: string }>(
      graph.database.db,
      sql`select given_name_lat, birth_date::text as birth_date from citizens.citizens where nin = ${holder.nin}`,
    );
    expect(v.disclosed).toEqual([
      { name: 'given_name_lat', value: JSON.stringify(person!.given_name_lat) },
      { name: 'birth_date', value: JSON.stringify(person!.birth_date) },
    ]);

    // Offline: the published keys and a cached status list, no call to the registry.
    const kit = await offlineKit();
    const offline = await verifyPresentation(twoFields, kit.jwks, async () => kit.statusList);
    expect(offline.verdict).toBe('VALID');
    expect(offline.claims!.given_name_lat).toBe(person!.given_name_lat);
    expect(offline.claims!.family_name_lat).toBeUndefined();
  });

  it('the gateway publishes the keys and the status list at plain URLs, the ones the extract names', async () => {
    const base = new URL(graph.gateway.url);
    const jwksRes = await fetch(new URL('/.well-known/jwks.json', base));
    expect(jwksRes.status).toBe(200);
    expect(jwksRes.headers.get('content-type')).toBe('application/jwk-set+json');
    const jwks = (await jwksRes.json()) as { keys: { kid: string }[] };
    const kit = await offlineKit();
    expect(jwks).toEqual(kit.jwks);

    // The extract's status claim names the list; the gateway serves it at that path.
    const payload = JSON.parse(
      Buffer.from(twoFields.split('~')[0]!.split('.')[1]!, 'base64url').toString(),
    ) as { status: { status_list: { uri: string } } };
    const path = new URL(payload.status.status_list.uri).pathname;
    expect(path).toBe('/extracts/status/0');
    const listRes = await fetch(new URL(path, base));
    expect(listRes.status).toBe(200);
    expect(listRes.headers.get('content-type')).toBe('application/statuslist+jwt');
    const list = await listRes.text();
    expect(list.split('.')).toHaveLength(3);

    // An offline verifier with only these two downloads.
    const offline = await verifyPresentation(twoFields, jwks, async () => list);
    expect(offline.verdict).toBe('VALID');
    expect((await fetch(new URL('/extracts/status/x', base))).status).toBe(404);
  });

  it('altered by one character, it is refused as ALTERED (payload or disclosure)', async () => {
    const [jwt, ...disclosures] = twoFields.split('~');
    const payloadAt = jwt!.indexOf('.') + 10;
    const alteredPayload = [alter(jwt!, payloadAt), ...disclosures].join('~');
    const alteredDisclosure = [jwt, alter(disclosures[0]!, 5), ...disclosures.slice(1)].join('~');
    for (const p of [alteredPayload, alteredDisclosure]) {
      const res = await graph.query(VERIFY, { p });
      expect(res.body.data.verifyExtract).toEqual({
        verdict: 'ALTERED',
        actNumber: null,
        code: null,
        issuedOn: null,
        disclosed: [],
      });
    }
  });

  it('signed with a key the registry did not publish, it is FORGED', async () => {
    const { privateKey } = await ES256.generateKeyPair();
    const forger = new SDJwtVcInstance({
      signer: await ES256.getSigner(privateKey),
      signAlg: 'ES256',
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
    });
    const forged = await forger.issue(
      {
        iss: EXTRACT_ISSUER,
        vct: 'x',
        iat: 1,
        given_name_lat: 'Mallory',
        extract_code: 'EX-AAAAA-AAAAA',
      },
      { _sd: ['given_name_lat'] },
      { header: { kid: 'not-ours' } },
    );
    const res = await graph.query(VERIFY, { p: forged });
    expect(res.body.data.verifyExtract.verdict).toBe('FORGED');
  });

  it('past its expiry, it is EXPIRED', async () => {
    const kit = await offlineKit();
    const later = Math.floor(Date.now() / 1000) + 91 * 86_400;
    const res = await verifyPresentation(twoFields, kit.jwks, async () => kit.statusList, later);
    expect(res.verdict).toBe('EXPIRED');
  });

  it('a citizen cannot have another citizen’s extract issued: NOT_SELF, nothing written', async () => {
    const [other] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where nin <> ${holder.nin} order by nin limit 1`,
    );
    const before = await countRows(graph.database.db, 'citizens.extracts');
    const res = await graph.query(ISSUE, { nin: other!.nin }, { token: citizen });
    expect(codeOf(res)).toBe('NOT_SELF');
    expect(await countRows(graph.database.db, 'citizens.extracts')).toBe(before);
  });

  it('the citizen sees the extract issued and the online verification in their consultations', async () => {
    const res = await graph.query(
      `{ me { consultations(first: 20) { nodes { purpose groups } } } }`,
      {},
      { token: citizen },
    );
    const purposes = res.body.data.me.consultations.nodes.map((n: any) => n.purpose);
    expect(purposes).toContain('BIRTH_EXTRACT_ISSUANCE');
    expect(purposes).toContain('BIRTH_EXTRACT_VERIFICATION');
    const [logged] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from citizens.public_lookups where lookup = 'verifyExtract'`,
    );
    expect(logged!.n).toBeGreaterThanOrEqual(4);
  });

  it('a death revokes it: refused online, and offline with a fresh status list', async () => {
    const cached = await offlineKit();
    const officer = await graph.token({
      kind: 'agent',
      commune: holder.birth_commune_code,
      service: 'CIVIL_STATUS',
    });
    const death = await graph.query(
      `mutation($input: RegisterDeathInput!) { registerDeath(input: $input) { act { number } } }`,
      {
        input: {
          deceasedNin: holder.nin,
          deathDate: '2025-02-01',
          idempotencyKey: 'death-of-holder-1',
        },
      },
      { token: officer, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(death.body.errors).toBeUndefined();

    const online = await graph.query(VERIFY, { p: twoFields });
    expect(online.body.data.verifyExtract.verdict).toBe('REVOKED');
    const fresh = await offlineKit();
    expect(
      (await verifyPresentation(twoFields, fresh.jwks, async () => fresh.statusList)).verdict,
    ).toBe('REVOKED');
    // A verifier still holding the list fetched before the death sees it valid until the
    // list's ttl runs out: that is what caching a status list means.
    expect(
      (await verifyPresentation(twoFields, cached.jwks, async () => cached.statusList)).verdict,
    ).toBe('VALID');
  });

  it('anonymous verification is rate-limited per extract', async () => {
    let last: any;
    for (let i = 0; i < 62; i += 1) last = await graph.query(VERIFY, { p: twoFields });
    expect(codeOf(last)).toBe('RATE_LIMITED');
  });
});
