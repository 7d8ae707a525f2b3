import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/**
 * The local platform is its own identity provider: one key pair signs callers' tokens
 * (what an OIDC provider does in production), another the gateway's internal tokens.
 * They are generated on first use under a git-ignored folder and never committed.
 */
export const LOCAL_KEY_DIR = resolve(process.env.LOCAL_KEY_DIR ?? '.local/keys');
export const LOCAL_ISSUER = 'https://id.e-commune.local';
export const LOCAL_AUDIENCE = 'e-commune-graph';
export const CALLER_ALG = 'ES256';
export const INTERNAL_ALG = 'EdDSA';

export interface LocalKeyFiles {
  callerPrivate: string;
  callerPublic: string;
  internalPrivate: string;
  internalPublic: string;
}

export function localKeyFiles(dir = LOCAL_KEY_DIR): LocalKeyFiles {
  return {
    callerPrivate: join(dir, 'caller-issuer.private.jwk.json'),
    callerPublic: join(dir, 'caller-issuer.public.jwk.json'),
    internalPrivate: join(dir, 'internal.private.jwk.json'),
    internalPublic: join(dir, 'internal.public.jwk.json'),
  };
}

async function writePair(alg: string, privatePath: string, publicPath: string, kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    crv: alg === 'EdDSA' ? 'Ed25519' : undefined,
  });
  const priv: JWK = { ...(await exportJWK(privateKey)), alg, kid, use: 'sig' };
  const pub: JWK = { ...(await exportJWK(publicKey)), alg, kid, use: 'sig' };
  writeFileSync(privatePath, JSON.stringify(priv, null, 2), { mode: 0o600 });
  writeFileSync(publicPath, JSON.stringify(pub, null, 2));
}

/** Creates the local key pairs unless they exist; returns their paths. */
export async function ensureLocalKeys(dir = LOCAL_KEY_DIR): Promise<LocalKeyFiles> {
  const files = localKeyFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().slice(0, 10);
  if (!existsSync(files.callerPrivate) || !existsSync(files.callerPublic)) {
    await writePair(CALLER_ALG, files.callerPrivate, files.callerPublic, `local-caller-${stamp}`);
  }
  if (!existsSync(files.internalPrivate) || !existsSync(files.internalPublic)) {
    await writePair(
      INTERNAL_ALG,
      files.internalPrivate,
      files.internalPublic,
      `local-internal-${stamp}`,
    );
  }
  return files;
}

export async function readPrivateJwk(path: string, alg: string) {
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  return { key: await importJWK(jwk, alg), kid: jwk.kid };
}
