import { jwtVerify, type CryptoKey, type KeyObject } from 'jose';
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

/**
 * Verifies the token the gateway signed for this fetch. Only the gateway's key, issuer
 * and this subgraph's audience are accepted, with a short lifetime: a caller's own JWT,
 * another subgraph's token or an old one all fail here.
 */
export async function verifyInternalToken(
  authorization: string | undefined,
  key: VerifyKey,
  audience: string,
): Promise<InternalClaims> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
  if (!token) throw unauthenticated('this service accepts only requests relayed by the gateway');
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [INTERNAL_ALGORITHM],
      issuer: INTERNAL_ISSUER,
      audience,
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS}s`,
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'principal', 'rid'],
    });
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
