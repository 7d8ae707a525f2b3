import { KeyObject as NodeKeyObject, type webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';

/** Reads one JWK from a file (a public or private key) for the given algorithm. */
export async function loadJwkFile(
  path: string,
  alg?: string,
): Promise<CryptoKey | KeyObject | Uint8Array> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (error) {
    throw new Error(`cannot read the key file ${path}: ${(error as Error).message}`);
  }
  const algorithm = jwk.alg ?? alg;
  if (!algorithm) throw new Error(`the key in ${path} names no algorithm`);
  return importJWK(jwk, algorithm);
}

/** A key as jose imports it (CryptoKey) or as node:crypto holds it, in PEM for fast-jwt. */
export function pemOf(key: CryptoKey | KeyObject | Uint8Array, type: 'pkcs8' | 'spki'): string {
  if (key instanceof Uint8Array) throw new Error('an asymmetric key is needed here');
  const object =
    key instanceof NodeKeyObject ? key : NodeKeyObject.from(key as webcrypto.CryptoKey);
  return object.export({ type, format: 'pem' }).toString();
}
