import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { importJWK, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import { createInternalSigner } from '../gateway/internal-token.js';
import { INTERNAL_ALGORITHM, type Principal } from '../schema/principal.js';
import type { LocalKeyFiles } from '../scripts/local-keys.js';
import { mintCallerToken } from '../scripts/local-tokens.js';
import type { GraphRequest } from './load.js';

/** W1: a citizen by NIN, identity fields only (one audited fetch). */
export const W1 = `query W1($nin: String!) { citizen(nin: $nin) { nin givenNameLat familyNameLat birthDate sex } }`;
/**
 * A single-entity read that is not audited and reads the database (one prepared statement
 * by primary key, as W1's): a school of the public directory. The audit's ceiling: W1
 * less its audit. Until 2026-12-07 it was a commune by code, which is now kept in memory.
 */
export const UNAUDITED = `query School($code: String!) { school(code: $code) { code nameFr nameAr capacity } }`;
/**
 * A commune by code, not audited: once looked up, the communes subgraph answers it from
 * memory (no statement): the graph's floor, beside the audit's ceiling.
 */
export const KEPT_COMMUNE = `query Commune($code: String!) { commune(code: $code) { code nameFr nameAr postalCode } }`;
/** W2: a citizen's profile: identity, birth commune and wilaya, documents, vehicles. */
export const W2 = `query W2($nin: String!) {
  citizen(nin: $nin) {
    nin givenNameLat familyNameLat givenNameAr familyNameAr birthDate sex
    birthCommune { code nameFr wilaya { code nameFr } }
    documents(first: 5) { nodes { number type status expiryDate } }
    vehicles(first: 5) { nodes { vin make model plate status } }
  }
}`;
/**
 * W3: N records of a wilaya's communes with their related entities (N = communes × per),
 * lean enough that N = 1000 stays under the gateway's cost limit of 10,000. N = 1000 is
 * asked as 50 communes × 20 (not 10 × 100): citizens are spread over 1,535 communes, so
 * ten communes hold 66 of them at 10 k citizens and even a 100-record page stays short.
 */
export const W3 = `query W3($code: String!, $communes: Int!, $per: Int!) {
  wilaya(code: $code) {
    communes(first: $communes) {
      nodes {
        code
        citizensBorn(first: $per) {
          nodes { nin birthCommune { nameFr } vehicles(first: 1) { nodes { plate } } }
        }
      }
    }
  }
}`;
/** W4: an application at a commune counter (a mutation with an idempotency key). */
export const W4 = `mutation W4($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { replayed application { number status } }
}`;

export const PURPOSE = 'CIVIL_STATUS_ADMINISTRATION';

export interface Fixtures {
  /** NINs of living citizens, fewer than the quota: read once, then free within the window. */
  nins: string[];
  communes: string[];
  /** Codes of schools of the directory. */
  schools: string[];
  /** The wilaya where most citizens were born. */
  wilaya: string;
  applicants: { nin: string; type: string }[];
}

export async function loadFixtures(databaseUrl: string, ninCount: number): Promise<Fixtures> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const nins = (
      await sql`select nin from citizens.citizens where death_date is null
                order by md5(nin) limit ${ninCount}`
    ).map((r) => r.nin as string);
    const communes = (await sql`select code from communes.communes order by code`).map(
      (r) => r.code as string,
    );
    const schools = (
      await sql`select code from education.schools order by md5(code) limit ${ninCount}`
    ).map((r) => r.code as string);
    // The wilaya where most citizens were born: its communes fill W3's pages best.
    const [w] = await sql`select substr(birth_commune_code, 1, 2) as wilaya, count(*)::int as n
        from citizens.citizens group by 1 order by 2 desc limit 1`;
    const applicants = (
      await sql`select c.nin, t.type from citizens.citizens c
        cross join (values ('PASSPORT'), ('NATIONAL_ID_CARD')) as t(type)
        where c.death_date is null and c.birth_date < '2000-01-01'
          and not exists (select 1 from documents.documents d where d.holder_nin = c.nin and d.type = t.type)
          and not exists (select 1 from documents.applications a where a.nin = c.nin and a.type = t.type)
        order by md5(c.nin || t.type) limit 3000`
    ).map((r) => ({ nin: r.nin as string, type: r.type as string }));
    return { nins, communes, schools, wilaya: w!.wilaya as string, applicants };
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export interface Tokens {
  /** The ministry every read runs as (a fresh client per run, so its quota starts empty). */
  ministry: string;
  ministryPrincipal: Principal;
  /** Agents of several communes: each counter has its own quota of 500 NINs. */
  agents: string[];
  /** Signs internal tokens as the gateway would, for requests sent straight to a subgraph. */
  internal: (audience: string, principal: Principal, purpose: string | null) => Promise<string>;
}

export async function makeTokens(keys: LocalKeyFiles, runId: string): Promise<Tokens> {
  const callerJwk = JSON.parse(readFileSync(keys.callerPrivate, 'utf8')) as JWK;
  const caller = await importJWK(callerJwk, 'ES256');
  const internalJwk = JSON.parse(readFileSync(keys.internalPrivate, 'utf8')) as JWK;
  const sign = createInternalSigner(
    await importJWK(internalJwk, INTERNAL_ALGORITHM),
    internalJwk.kid,
  );
  const clientId = `bench-${runId}`;
  const ministry = await mintCallerToken(caller, {
    kind: 'ministry',
    ministry: 'INTERIOR',
    clientId,
  });
  const agents = await Promise.all(
    ['1601', '1602', '1603', '1604', '1605', '1606', '1607', '1608'].map((commune) =>
      mintCallerToken(caller, { kind: 'agent', commune, agentId: `agent-${commune}-${runId}` }),
    ),
  );
  return {
    ministry,
    ministryPrincipal: {
      kind: 'ministry',
      sub: `client:${clientId}`,
      clientId,
      ministry: 'INTERIOR',
    } as Principal,
    agents,
    internal: (audience, principal, purpose) =>
      sign(audience, { principal, purpose, rid: randomUUID(), named: [] }),
  };
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export function gatewayRequest(
  token: string,
  query: string,
  variables: () => Record<string, unknown>,
  purpose: string | null = PURPOSE,
): () => GraphRequest {
  const headers: Record<string, string> = {
    ...JSON_HEADERS,
    authorization: `Bearer ${token}`,
    ...(purpose ? { 'x-purpose': purpose } : {}),
  };
  return () => ({ headers, body: JSON.stringify({ query, variables: variables() }) });
}

/**
 * Straight to a subgraph with an internal token signed here, renewed every 20 s (tokens
 * live 60 s); one token serves many requests, so the driver's cost stays out of the way.
 */
export async function directRequest(
  tokens: Tokens,
  audience: string,
  query: string,
  variables: () => Record<string, unknown>,
): Promise<() => GraphRequest> {
  let token = await tokens.internal(audience, tokens.ministryPrincipal, PURPOSE);
  // Renewed on a timer, not when a request notices the token is old: a target left idle
  // for a minute (the other contenders' rounds) sent its first request with an expired
  // token, and the full run counted that 401 as an error of the direct path.
  const renew = setInterval(() => {
    void tokens.internal(audience, tokens.ministryPrincipal, PURPOSE).then((t) => {
      token = t;
    });
  }, 20_000);
  renew.unref();
  return () => ({
    headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: variables() }),
  });
}

export function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
