import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isNin } from '../schema/nin.js';
import { ANONYMOUS, type Principal } from '../schema/principal.js';
import { unauthenticated } from '../subgraphs/kit/errors.js';
import type { VerifyKey } from '../subgraphs/kit/internal-token.js';

export interface CallerAuthOptions {
  /** A fixed public key (local issuer) or a JWKS URL (any OIDC provider). */
  key: VerifyKey | URL;
  issuer: string;
  audience: string;
  algorithms: string[];
}

const MINISTRY = /^[A-Z][A-Z_]{1,39}$/;
const COMMUNE = /^\d{4}$/;

function principalOf(payload: JWTPayload): Principal | null {
  const sub = payload.sub;
  const clientId =
    typeof payload.client_id === 'string'
      ? payload.client_id
      : typeof payload.azp === 'string'
        ? payload.azp
        : sub;
  if (!sub || !clientId) return null;
  switch (payload.kind) {
    case 'ministry':
      return typeof payload.ministry === 'string' && MINISTRY.test(payload.ministry)
        ? { kind: 'ministry', sub, clientId, ministry: payload.ministry }
        : null;
    case 'agent':
      return typeof payload.commune === 'string' && COMMUNE.test(payload.commune)
        ? { kind: 'agent', sub, clientId, communeCode: payload.commune }
        : null;
    case 'citizen':
      return typeof payload.nin === 'string' && isNin(payload.nin)
        ? { kind: 'citizen', sub, clientId, nin: payload.nin }
        : null;
    default:
      return null;
  }
}

/**
 * Verifies the caller's bearer token: signature with an algorithm allowlist (so `none`
 * and HS/RS confusion fail), issuer, audience, expiry, ≤ 30 s clock skew. No token is
 * the anonymous caller; a bad token is refused outright, never downgraded.
 */
export function createCallerAuth(options: CallerAuthOptions) {
  const key: VerifyKey | JWTVerifyGetKey =
    options.key instanceof URL ? createRemoteJWKSet(options.key) : options.key;
  return async function authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*)$/.exec(
      authorization.trim(),
    );
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <JWT>"');
    try {
      const { payload } = await jwtVerify(match[1]!, key as never, {
        algorithms: options.algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: 30,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const principal = principalOf(payload);
      if (!principal) throw new Error('claims');
      return principal;
    } catch {
      throw unauthenticated(
        'the bearer token is invalid or expired; get a new one from your identity provider',
      );
    }
  };
}
