import { randomBytes } from 'node:crypto';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { StatusList, createHeaderAndPayload } from '@sd-jwt/jwt-status-list';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { SignJWT, compactVerify, importJWK, type JWK } from 'jose';
import type { Db } from '../../db/client.js';
import { issuerKey, publishedKeys, revokedBetween } from './extract.queries.js';

/**
 * The digital birth extract, successor of the paper 12S: an SD-JWT verifiable credential
 * (IETF SD-JWT VC) signed by the registry. Every fact of the act is a selective disclosure,
 * so the holder shows a bank the name and birth date and a consulate the full filiation
 * from one extract; the act number, issue date, verification code and status are always
 * visible. Revocation is an IETF Token Status List (one bit per extract).
 */
export const EXTRACT_ISSUER = 'https://registre.e-commune.dz';
export const EXTRACT_VCT = 'urn:dz:e-commune:birth-extract:1';
export const EXTRACT_VALIDITY_DAYS = 90;
/** Extracts per status list: the list's number is id / size, the index id % size. */
export const STATUS_LIST_SIZE = 65_536;
export const statusListUri = (list: number) => `${EXTRACT_ISSUER}/extracts/status/${list}`;

/** The facts of a birth act that the holder may disclose one by one. */
export const DISCLOSABLE = [
  'nin',
  'given_name_ar',
  'family_name_ar',
  'given_name_lat',
  'family_name_lat',
  'sex',
  'birth_date',
  'birth_commune',
  'father_name',
  'mother_name',
  'marginal_notes',
] as const;
export type DisclosableField = (typeof DISCLOSABLE)[number];

/** A verification code printed on the extract: EX-XXXXX-XXXXX (50 random bits). */
export function newExtractCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `EX-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

async function keyPair(db: Db) {
  const row = await issuerKey(db, async () => {
    const { privateKey, publicKey } = await ES256.generateKeyPair();
    const kid = `extract-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
    return {
      kid,
      alg: 'ES256',
      privateJwk: { ...privateKey, kid, alg: 'ES256' },
      publicJwk: { ...publicKey, kid, alg: 'ES256', use: 'sig' },
    };
  });
  return row as {
    kid: string;
    privateJwk: Record<string, unknown>;
    publicJwk: Record<string, unknown>;
  };
}

/** The published key set (JWKS) a verifier needs to check an extract offline. */
export async function extractJwks(db: Db) {
  return { keys: (await publishedKeys(db)).map((k) => k.publicJwk as object) };
}

/** Verifies the issuer's signature over a JWT, with the key its header names. */
export function verifierFor(jwks: { keys: object[] }) {
  return async (data: string, signature: string) => {
    const header = JSON.parse(Buffer.from(data.split('.')[0]!, 'base64url').toString()) as {
      kid?: string;
    };
    const jwk = jwks.keys.find((k) => (k as { kid?: string }).kid === header.kid);
    if (!jwk) return false;
    return (await ES256.getVerifier(jwk))(data, signature);
  };
}

/** What kind of credential is signed: its type (vct) and which of its claims are disclosable. */
export interface CredentialKind {
  vct: string;
  disclosable: readonly string[];
}
export const BIRTH_EXTRACT_KIND: CredentialKind = { vct: EXTRACT_VCT, disclosable: DISCLOSABLE };

export async function issueSdJwt(
  db: Db,
  claims: Record<string, unknown> & {
    act_number: string;
    extract_code: string;
    issued_on: string;
  },
  statusIndex: number,
  expiresAt: Date,
  kind: CredentialKind = BIRTH_EXTRACT_KIND,
): Promise<string> {
  const key = await keyPair(db);
  const sdjwt = new SDJwtVcInstance({
    signer: await ES256.getSigner(key.privateJwk),
    signAlg: ES256.alg,
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  });
  const payload: Record<string, unknown> & { iss: string; vct: string } = {
    iss: EXTRACT_ISSUER,
    vct: kind.vct,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(expiresAt.getTime() / 1000),
    status: {
      status_list: {
        idx: statusIndex % STATUS_LIST_SIZE,
        uri: statusListUri(Math.floor(statusIndex / STATUS_LIST_SIZE)),
      },
    },
    ...claims,
  };
  // The frame's type is computed from the payload's literal keys; ours are data (the kind).
  const frame = { _sd: [...kind.disclosable] } as unknown as Parameters<
    typeof sdjwt.issue<typeof payload>
  >[1];
  return sdjwt.issue(payload, frame, { header: { kid: key.kid } });
}

/** A presentation that discloses only the named fields of an extract. */
export async function presentExtract(extract: string, fields: readonly string[]) {
  const sdjwt = new SDJwtVcInstance({ hasher: digest, hashAlg: 'sha-256' });
  return sdjwt.present(extract, Object.fromEntries(fields.map((f) => [f, true])));
}

/** The signed status list of extracts [list × size, (list + 1) × size): bit 1 = revoked. */
export async function statusListJwt(db: Db, list: number): Promise<string> {
  const from = list * STATUS_LIST_SIZE;
  const revoked = await revokedBetween(db, from, from + STATUS_LIST_SIZE);
  const bits = new StatusList(new Array<number>(STATUS_LIST_SIZE).fill(0), 1);
  for (const id of revoked) bits.setStatus(id - from, 1);
  const key = await keyPair(db);
  const now = Math.floor(Date.now() / 1000);
  const { header, payload } = createHeaderAndPayload(
    bits,
    { iss: EXTRACT_ISSUER, sub: statusListUri(list), iat: now, exp: now + 3600, ttl: 300 },
    { alg: 'ES256', typ: 'statuslist+jwt', kid: key.kid },
  );
  return new SignJWT(payload)
    .setProtectedHeader(header)
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

export type ExtractVerdict = 'VALID' | 'REVOKED' | 'EXPIRED' | 'ALTERED' | 'FORGED';

/**
 * Checks a presentation as any verifier would, with the published keys and a status list
 * fetcher (online: the registry's current list; offline: a cached one). Says why it fails.
 */
export async function verifyPresentation(
  presentation: string,
  jwks: { keys: object[] },
  fetchStatusList: (uri: string) => Promise<string>,
  now = Math.floor(Date.now() / 1000),
): Promise<{ verdict: ExtractVerdict; claims: Record<string, unknown> | null }> {
  const sdjwt = new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: verifierFor(jwks),
    statusListFetcher: fetchStatusList,
    statusValidator: async (status: number) => {
      if (status !== 0) throw new RevokedError();
    },
  });
  // Forged: not a JWT signed by a key the registry published. Anything else that fails
  // once the header names one of its keys is an alteration of a genuine extract.
  const kid = readJson<{ kid?: unknown }>(presentation.split('.')[0]!)?.kid;
  if (typeof kid !== 'string' || !jwks.keys.some((k) => (k as { kid?: string }).kid === kid))
    return { verdict: 'FORGED', claims: null };
  let payload: { iss?: string; exp?: number };
  try {
    payload = (await sdjwt.decode(presentation)).jwt?.payload as typeof payload;
  } catch {
    return { verdict: 'ALTERED', claims: null };
  }
  if (payload?.iss !== EXTRACT_ISSUER) return { verdict: 'ALTERED', claims: null };
  if ((payload.exp ?? 0) <= now) {
    // Expired: say so only when the issuer's signature holds (an expired forgery is not
    // "expired"); the status list is not consulted for an extract that is over anyway.
    const jwk = jwks.keys.find((k) => (k as { kid?: string }).kid === kid)!;
    try {
      await compactVerify(presentation.split('~')[0]!, await importJWK(jwk as JWK, 'ES256'));
      return { verdict: 'EXPIRED', claims: null };
    } catch {
      return { verdict: 'ALTERED', claims: null };
    }
  }
  try {
    const result = await sdjwt.verify(presentation, { currentDate: now, skewSeconds: 30 });
    return { verdict: 'VALID', claims: result.payload as Record<string, unknown> };
  } catch (error) {
    if (error instanceof RevokedError) return { verdict: 'REVOKED', claims: null };
    return { verdict: 'ALTERED', claims: null };
  }
}

function readJson<T>(base64url: string): T | null {
  try {
    return JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

class RevokedError extends Error {
  constructor() {
    super('the extract is revoked');
  }
}
