import { createVerifier } from 'fast-jwt';
import type { CryptoKey, KeyObject } from 'jose';
import { pemOf } from './keys.js';
import {
  INTERNAL_ALGORITHM,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_TTL_SECONDS,
  type InternalClaims,
  type Principal,
} from '../../schema/principal.js';
import { unauthenticated } from './errors.js';
import { CORRELATION_ID } from './http.js';

export type VerifyKey = CryptoKey | KeyObject | Uint8Array;

type Verify = (token: string) => Record<string, unknown>;
/** One verifier per key and audience, made once (fast-jwt parses the key when it is made). */
const verifiers = new WeakMap<object, Map<string, Verify>>();

function verifierFor(key: VerifyKey, audience: string): Verify {
  let byAudience = verifiers.get(key);
  if (!byAudience) verifiers.set(key, (byAudience = new Map()));
  let verify = byAudience.get(audience);
  if (!verify) {
    verify = createVerifier({
      key: pemOf(key, 'spki'),
      algorithms: [INTERNAL_ALGORITHM],
      allowedIss: INTERNAL_ISSUER,
      allowedAud: audience,
      maxAge: INTERNAL_TOKEN_TTL_SECONDS * 1000,
      clockTolerance: 5000,
      requiredClaims: ['exp', 'iat', 'principal', 'rid'],
    }) as Verify;
    byAudience.set(audience, verify);
  }
  return verify;
}

/**
 * Verifies the token the gateway signed for this fetch. Only the gateway's key, issuer
 * and this subgraph's audience are accepted, with a short lifetime: a caller's own JWT,
 * another subgraph's token or an old one all fail here. fast-jwt, synchronous node:crypto,
 * for the reason given where the gateway signs (gateway/internal-token.ts).
 */
export async function verifyInternalToken(
  authorization: string | undefined,
  key: VerifyKey,
  audience: string,
): Promise<InternalClaims> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
  if (!token) throw unauthenticated('this service accepts only requests relayed by the gateway');
  try {
    const payload = verifierFor(key, audience)(token);
    const principal = payload.principal as Principal;
    if (!principal || typeof principal !== 'object' || typeof principal.kind !== 'string') {
      throw new Error('no principal');
    }
    const named = Array.isArray(payload.named)
      ? payload.named.filter((v): v is string => typeof v === 'string')
      : [];
    return {
      principal,
      purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
      rid: String(payload.rid),
      named,
      ...(typeof payload.cid === 'string' && CORRELATION_ID.test(payload.cid)
        ? { cid: payload.cid }
        : {}),
      ...(typeof payload.addr === 'string' ? { addr: payload.addr.slice(0, 64) } : {}),
      // The actor claim (RFC 8693): the subgraph the gateway delegated to, in a delegation token.
      ...(typeof (payload.act as { sub?: unknown } | undefined)?.sub === 'string'
        ? { act: (payload.act as { sub: string }).sub }
        : {}),
    };
  } catch {
    throw unauthenticated('this service accepts only requests relayed by the gateway');
  }
}
