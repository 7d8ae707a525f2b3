import { createSigner } from 'fast-jwt';
import type { CryptoKey, KeyObject as JoseKeyObject } from 'jose';
import {
  INTERNAL_ALGORITHM,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_TTL_SECONDS,
  type InternalClaims,
} from '../schema/principal.js';
import { pemOf } from '../subgraphs/kit/keys.js';

/**
 * Signs the token for one subgraph fetch: audience is that subgraph, so a token
 * captured from one subgraph is useless at another, and it lives one minute at most.
 *
 * fast-jwt rather than jose here: one signature per subgraph fetch, and jose signs through
 * WebCrypto, whose Ed25519 is an asynchronous job on libuv's thread pool; fast-jwt calls
 * node:crypto synchronously (bench/micro/sign.ts: about a third less CPU per token, and no
 * thread hop in each fetch's latency). The tokens are the same standard JWTs.
 */
export function createInternalSigner(key: CryptoKey | JoseKeyObject | Uint8Array, kid?: string) {
  const pem = pemOf(key, 'pkcs8');
  const signers = new Map<string, (payload: Record<string, unknown>) => string>();
  const signerFor = (audience: string) => {
    let signer = signers.get(audience);
    if (!signer) {
      signer = createSigner({
        key: pem,
        algorithm: INTERNAL_ALGORITHM,
        iss: INTERNAL_ISSUER,
        aud: audience,
        expiresIn: INTERNAL_TOKEN_TTL_SECONDS * 1000,
        ...(kid ? { kid } : {}),
      });
      signers.set(audience, signer);
    }
    return signer;
  };
  return (audience: string, claims: InternalClaims): Promise<string> =>
    Promise.resolve(
      signerFor(audience)({
        principal: claims.principal,
        purpose: claims.purpose,
        rid: claims.rid,
        ...(claims.named?.length ? { named: claims.named } : {}),
        ...(claims.cid ? { cid: claims.cid } : {}),
        ...(claims.act ? { act: { sub: claims.act } } : {}),
        ...(claims.addr ? { addr: claims.addr } : {}),
      }),
    );
}
export type InternalSigner = ReturnType<typeof createInternalSigner>;
