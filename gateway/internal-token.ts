import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import {
  INTERNAL_ALGORITHM,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_TTL_SECONDS,
  type InternalClaims,
} from '../schema/principal.js';

/**
 * Signs the token for one subgraph fetch: audience is that subgraph, so a token
 * captured from one subgraph is useless at another, and it lives one minute at most.
 */
export function createInternalSigner(key: CryptoKey | KeyObject | Uint8Array, kid?: string) {
  return (audience: string, claims: InternalClaims): Promise<string> =>
    new SignJWT({
      principal: claims.principal,
      purpose: claims.purpose,
      rid: claims.rid,
      ...(claims.named?.length ? { named: claims.named } : {}),
      ...(claims.cid ? { cid: claims.cid } : {}),
      ...(claims.act ? { act: { sub: claims.act } } : {}),
      ...(claims.addr ? { addr: claims.addr } : {}),
    })
      .setProtectedHeader({ alg: INTERNAL_ALGORITHM, ...(kid ? { kid } : {}) })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}
export type InternalSigner = ReturnType<typeof createInternalSigner>;
