import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededTrackingCode } from '../db/seed/documents.js';
import { clientAddressOf } from '../gateway/client-address.js';
import { rateKeyOfAddress } from '../subgraphs/kit/public-lookup.js';
import { TRACK_APPLICATION_LIMITS } from '../subgraphs/documents/public-lookups.js';
import { STOLEN_CHECK_LIMITS } from '../subgraphs/vehicles/public-lookups.js';
import { VERIFY_DOCUMENT_LIMITS } from '../subgraphs/documents/public-lookups.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/**
 * The anonymous lookups (kiosk, document check, stolen-vehicle check) against a script:
 * limits per client address and per number, the receipt's second factor, and the log
 * operators read. The gateway trusts X-Forwarded-For from 127.0.0.1 here, as it would
 * from its own proxy, so each test speaks from addresses of its own.
 */
const SEED = 7;
let graph: TestGraph;
let agent: string;

const TRACK = `query($n: String!, $c: String!, $b: LocalDate!) {
  trackApplication(number: $n, trackingCode: $c, birthDate: $b) { number status type } }`;
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const track = (n: string, c: string, b: string, address: string) =>
  graph.query(TRACK, { n, c, b }, from(address));
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

interface Filed {
  number: string;
  code: string;
  birthDate: string;
}

/** Files a real application at the 1601 counter and keeps its receipt. */
async function fileApplication(): Promise<Filed> {
  const [c] = await rows<{ nin: string; birth_date: string }>(
    graph.database.db,
    sql`select c.nin, c.birth_date::text as birth_date from citizens.citizens c
        where c.death_date is null and c.birth_date < '2000-01-01'
          and not exists (select 1 from documents.documents d where d.holder_nin = c.nin and d.type = 'PASSPORT')
          and not exists (select 1 from documents.applications a where a.nin = c.nin and a.type = 'PASSPORT')
        order by c.nin limit 1`,
  );
  const res = await graph.query(
    `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { trackingCode replayed application { number } } }`,
    {
      i: {
        nin: c!.nin,
        type: 'PASSPORT',
        reason: 'FIRST',
        contactPhone: '0661234567',
        idempotencyKey: `kiosk-${c!.nin}`,
      },
    },
    { token: agent, purpose: 'COUNTER_SERVICE' },
  );
  expect(res.body.errors).toBeUndefined();
  const payload = res.body.data.submitApplication;
  return {
    number: payload.application.number,
    code: payload.trackingCode,
    birthDate: c!.birth_date,
  };
}

async function lookupsFrom(address: string) {
  return rows<{ lookup: string; subject: string; outcome: string; detail: string | null }>(
    graph.database.db,
    sql`select lookup, subject, outcome, detail from documents.public_lookups
        where client_address = ${address} order by id`,
  );
}

let filed: Filed;

beforeAll(async () => {
  graph = await startTestGraph({ seed: SEED, trustedProxies: ['127.0.0.1'] });
  agent = await graph.token({ kind: 'agent', commune: '1601', agentId: 'agent-1601-001' });
  filed = await fileApplication();
});
afterAll(() => graph?.stop());

describe('the kiosk: trackApplication', () => {
  it('a correct lookup with the receipt works, and is logged as FOUND', async () => {
    expect(filed.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const res = await track(filed.number, filed.code, filed.birthDate, '192.0.2.1');
    expect(res.body).toEqual({
      data: { trackApplication: { number: filed.number, status: 'SUBMITTED', type: 'PASSPORT' } },
    });
    // As typed at a kiosk: lower case, no dash.
    const typed = await track(
      filed.number,
      filed.code.replace('-', '').toLowerCase(),
      filed.birthDate,
      '192.0.2.1',
    );
    expect(typed.body.data.trackApplication.status).toBe('SUBMITTED');
    expect(await lookupsFrom('192.0.2.1')).toEqual([
      { lookup: 'trackApplication', subject: filed.number, outcome: 'FOUND', detail: null },
      { lookup: 'trackApplication', subject: filed.number, outcome: 'FOUND', detail: null },
    ]);
  });

  it('the code is given once: a replayed submission answers null, the table holds only a hash', async () => {
    const [c] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from documents.applications where number = ${filed.number}`,
    );
    const replay = await graph.query(
      `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { trackingCode replayed } }`,
      {
        i: {
          nin: c!.nin,
          type: 'PASSPORT',
          reason: 'FIRST',
          contactPhone: '0661234567',
          idempotencyKey: `kiosk-${c!.nin}`,
        },
      },
      { token: agent, purpose: 'COUNTER_SERVICE' },
    );
    expect(replay.body.data.submitApplication).toEqual({ trackingCode: null, replayed: true });
    const dump =
      JSON.stringify(
        await rows(
          graph.database.db,
          sql`select * from documents.applications where number = ${filed.number}`,
        ),
      ) +
      JSON.stringify(await rows(graph.database.db, sql`select * from documents.idempotency_keys`));
    expect(dump).not.toContain(filed.code);
  });

  it('seeded applications have a receipt code too, reproducible from the seed', async () => {
    const seeded = await rows<{ number: string; birth_date: string }>(
      graph.database.db,
      sql`select number, applicant_birth_date::text as birth_date from documents.applications
          where number like 'APP-2025-%' order by number limit 2`,
    );
    expect(seeded).toHaveLength(2);
    for (const s of seeded) {
      const res = await track(
        s.number,
        seededTrackingCode(SEED, s.number),
        s.birth_date,
        '192.0.2.2',
      );
      expect(res.body.data.trackApplication.number).toBe(s.number);
    }
    // Another seed's code for the same application does not open it.
    const other = await track(
      seeded[0]!.number,
      seededTrackingCode(SEED + 1, seeded[0]!.number),
      seeded[0]!.birth_date,
      '192.0.2.2',
    );
    expect(other.body).toEqual({ data: { trackApplication: null } });
  });

  it('a guess without the receipt code fails exactly as a wrong birth date does, and is logged', async () => {
    const address = '192.0.2.3';
    const wrongBirth = await track(filed.number, filed.code, '1900-01-01', address);
    const guessedCode = await track(filed.number, 'AAAAA-AAAAA', filed.birthDate, address);
    // A sequential guess: the next seeded number, with its applicant's true birth date.
    const [next] = await rows<{ number: string; birth_date: string }>(
      graph.database.db,
      sql`select number, applicant_birth_date::text as birth_date from documents.applications
          where number like 'APP-2025-%' order by number limit 1`,
    );
    const walked = await track(next!.number, 'AAAAA-AAAAA', next!.birth_date, address);
    const unknown = await track('APP-2031-00000001', 'AAAAA-AAAAA', filed.birthDate, address);
    for (const res of [wrongBirth, guessedCode, walked, unknown]) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toBe('{"data":{"trackApplication":null}}');
    }
    // The caller cannot tell the cases apart; the operators' log can, without the birth date.
    expect(await lookupsFrom(address)).toEqual([
      {
        lookup: 'trackApplication',
        subject: filed.number,
        outcome: 'NOT_FOUND',
        detail: 'WRONG_BIRTH_DATE',
      },
      {
        lookup: 'trackApplication',
        subject: filed.number,
        outcome: 'NOT_FOUND',
        detail: 'WRONG_TRACKING_CODE',
      },
      {
        lookup: 'trackApplication',
        subject: next!.number,
        outcome: 'NOT_FOUND',
        detail: 'WRONG_TRACKING_CODE',
      },
      {
        lookup: 'trackApplication',
        subject: 'APP-2031-00000001',
        outcome: 'NOT_FOUND',
        detail: 'UNKNOWN_NUMBER',
      },
    ]);
    const logged = JSON.stringify(
      await rows(
        graph.database.db,
        sql`select * from documents.public_lookups where client_address = ${address}`,
      ),
    );
    expect(logged).not.toContain('1900-01-01');
    expect(logged).not.toContain(filed.birthDate);
    expect(logged).not.toContain('AAAAA');
  });

  it('walking numbers from one address is stopped at the limit with RATE_LIMITED and 429', async () => {
    const address = '203.0.113.10';
    const limit = TRACK_APPLICATION_LIMITS.perAddress.limit;
    for (let i = 1; i <= limit; i += 1) {
      const res = await track(
        `APP-2025-${String(i).padStart(8, '0')}`,
        'AAAAA-AAAAA',
        '1980-01-01',
        address,
      );
      expect(res.body, `attempt ${i}`).toEqual({ data: { trackApplication: null } });
    }
    const stopped = await track(
      `APP-2025-${String(limit + 1).padStart(8, '0')}`,
      'AAAAA-AAAAA',
      '1980-01-01',
      address,
    );
    expect(stopped.status).toBe(429);
    const error = stopped.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'PER_ADDRESS' });
    const wait = error.extensions!.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(TRACK_APPLICATION_LIMITS.perAddress.windowSeconds);
    expect(stopped.headers.get('retry-after')).toBe(String(wait));
    expect(error.message).toMatch(/too many trackApplication lookups from this address/);
    // Even the right receipt is refused from that address now: the limit is not an oracle.
    const right = await track(filed.number, filed.code, filed.birthDate, address);
    expect(codeOf(right)).toBe('RATE_LIMITED');
    // Another address is not affected.
    const other = await track(filed.number, filed.code, filed.birthDate, '203.0.113.11');
    expect(other.body.data.trackApplication.number).toBe(filed.number);
    const log = await lookupsFrom(address);
    expect(log).toHaveLength(limit + 2);
    expect(log.filter((l) => l.outcome === 'NOT_FOUND')).toHaveLength(limit);
    expect(log.slice(-2).map((l) => [l.outcome, l.detail])).toEqual([
      ['RATE_LIMITED', 'PER_ADDRESS'],
      ['RATE_LIMITED', 'PER_ADDRESS'],
    ]);
  });

  it('one number hammered from many addresses is stopped per number', async () => {
    const target = await fileApplicationForAnother();
    const limit = TRACK_APPLICATION_LIMITS.perSubject.limit;
    for (let i = 1; i <= limit; i += 1) {
      const res = await track(target.number, 'AAAAA-AAAAA', target.birthDate, `198.51.100.${i}`);
      expect(res.body, `attempt ${i}`).toEqual({ data: { trackApplication: null } });
    }
    const stopped = await track(target.number, 'BBBBB-BBBBB', target.birthDate, '198.51.100.200');
    expect(stopped.status).toBe(429);
    expect(stopped.body.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'PER_SUBJECT',
    });
    // The right code from yet another address is refused too until the window passes:
    // otherwise the answer would tell the guesser when a code is right.
    const right = await track(target.number, target.code, target.birthDate, '198.51.100.201');
    expect(codeOf(right)).toBe('RATE_LIMITED');
    const [spread] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(distinct client_address)::int as n from documents.public_lookups
          where subject = ${target.number} and outcome = 'NOT_FOUND'`,
    );
    expect(Number(spread!.n)).toBe(limit);
    const [refusals] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from documents.public_lookups
          where subject = ${target.number} and outcome = 'RATE_LIMITED' and detail = 'PER_SUBJECT'`,
    );
    expect(Number(refusals!.n)).toBe(2);
  });

  it('bad input is refused with its code and neither counted nor logged', async () => {
    const address = '192.0.2.50';
    const badNumber = await track('APP-1', 'AAAAA-AAAAA', '1980-01-01', address);
    expect(badNumber.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'number',
    });
    const badCode = await track(filed.number, 'UUUU', '1980-01-01', address);
    expect(badCode.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trackingCode',
    });
    expect(await lookupsFrom(address)).toEqual([]);
    const [counters] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from documents.rate_limits where key like ${`%${address}`}`,
    );
    expect(Number(counters!.n)).toBe(0);
  });

  it('the counter reissues a lost receipt: the old code stops working, the new one works', async () => {
    const target = await fileApplicationForAnother();
    const other = await graph.token({ kind: 'agent', commune: '3101', agentId: 'agent-3101-001' });
    const reissue = (token: string) =>
      graph.query(
        `mutation($n: String!) { reissueTrackingCode(number: $n) { number trackingCode } }`,
        { n: target.number },
        { token, purpose: 'COUNTER_SERVICE' },
      );
    expect(codeOf(await reissue(other))).toBe('APPLICATION_NOT_FOUND');
    const fresh = (await reissue(agent)).body.data.reissueTrackingCode;
    expect(fresh.number).toBe(target.number);
    expect(fresh.trackingCode).not.toBe(target.code);
    const old = await track(target.number, target.code, target.birthDate, '192.0.2.60');
    expect(old.body.data.trackApplication).toBeNull();
    const now = await track(target.number, fresh.trackingCode, target.birthDate, '192.0.2.60');
    expect(now.body.data.trackApplication.number).toBe(target.number);
  });

  it('the lookup log is append-only', async () => {
    for (const statement of [
      sql`update documents.public_lookups set outcome = 'FOUND'`,
      sql`delete from documents.public_lookups`,
      sql`truncate documents.public_lookups`,
    ]) {
      const error = await graph.database.db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
      expect(`${error?.message} ${(error?.cause as Error | undefined)?.message ?? ''}`).toMatch(
        /append-only/,
      );
    }
  });
});

/** Files an application for the next citizen without a passport or application. */
async function fileApplicationForAnother(): Promise<Filed> {
  return fileApplication();
}

describe('verifyDocument and stolenCheck', () => {
  it('verifyDocument: limited per address, every lookup logged', async () => {
    const address = '203.0.113.20';
    const q = (n: string) =>
      graph.query(
        `query($n: String!) { verifyDocument(number: $n) { valid reason } }`,
        { n },
        from(address),
      );
    const limit = VERIFY_DOCUMENT_LIMITS.perAddress.limit;
    for (let i = 1; i <= limit; i += 1) {
      const res = await q(`P99${String(i).padStart(7, '0')}`);
      expect(res.body, `attempt ${i}`).toEqual({
        data: { verifyDocument: { valid: false, reason: 'UNKNOWN' } },
      });
    }
    const stopped = await q('P990000999');
    expect(stopped.status).toBe(429);
    expect(stopped.body.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'PER_ADDRESS',
    });
    const log = await lookupsFrom(address);
    expect(
      log.filter((l) => l.lookup === 'verifyDocument' && l.outcome === 'NOT_FOUND'),
    ).toHaveLength(limit);
    expect(log.at(-1)).toMatchObject({ outcome: 'RATE_LIMITED', subject: 'P990000999' });
  });

  it('stolenCheck: limited per address, every lookup logged in the vehicles schema', async () => {
    const address = '203.0.113.30';
    const q = (p: string) =>
      graph.query(
        `query($p: String!) { stolenCheck(plate: $p) { known stolen } }`,
        { p },
        from(address),
      );
    const limit = STOLEN_CHECK_LIMITS.perAddress.limit;
    for (let i = 1; i <= limit; i += 1) {
      const res = await q(`${String(90000 + i)}-199-99`);
      expect(res.body, `attempt ${i}`).toEqual({
        data: { stolenCheck: { known: false, stolen: false } },
      });
    }
    const stopped = await q('99999-199-99');
    expect(stopped.status).toBe(429);
    expect(stopped.body.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'PER_ADDRESS',
    });
    const [counts] = await rows<{ not_found: number; limited: number }>(
      graph.database.db,
      sql`select count(*) filter (where outcome = 'NOT_FOUND')::int as not_found,
                 count(*) filter (where outcome = 'RATE_LIMITED')::int as limited
          from vehicles.public_lookups where client_address = ${address} and lookup = 'stolenCheck'`,
    );
    expect({ notFound: Number(counts!.not_found), limited: Number(counts!.limited) }).toEqual({
      notFound: limit,
      limited: 1,
    });
  });

  it('a signed-in caller is not limited by the anonymous limits (its token names it)', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const address = '203.0.113.20'; // the address verifyDocument already refused above
    const res = await graph.query(
      `{ verifyDocument(number: "P990000998") { valid reason } }`,
      {},
      { token, ...from(address) },
    );
    expect(res.body).toEqual({ data: { verifyDocument: { valid: false, reason: 'UNKNOWN' } } });
  });
});

describe('the client address', () => {
  const req = (peer: string, xff?: string) =>
    ({
      socket: { remoteAddress: peer },
      headers: xff ? { 'x-forwarded-for': xff } : {},
    }) as Parameters<typeof clientAddressOf>[0];

  it('is the TCP peer; X-Forwarded-For is believed only from a trusted proxy', () => {
    expect(clientAddressOf(req('::ffff:203.0.113.5'))).toBe('203.0.113.5');
    // From anyone else, a forged header changes nothing.
    expect(clientAddressOf(req('203.0.113.5', '1.2.3.4'), ['10.0.0.2'])).toBe('203.0.113.5');
    // From our proxy: the nearest address that is not one of our proxies.
    expect(
      clientAddressOf(req('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.3'), ['10.0.0.2', '10.0.0.3']),
    ).toBe('198.51.100.7');
    // A proxy that sends garbage: the proxy itself is counted.
    expect(clientAddressOf(req('10.0.0.2', 'not-an-ip'), ['10.0.0.2'])).toBe('10.0.0.2');
  });

  it('is counted by its /64 network for IPv6, as it is for IPv4', () => {
    expect(rateKeyOfAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(rateKeyOfAddress('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(rateKeyOfAddress('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(rateKeyOfAddress('::1')).toBe('0:0:0:0::/64');
    expect(rateKeyOfAddress('unknown')).toBe('unknown');
  });
});
