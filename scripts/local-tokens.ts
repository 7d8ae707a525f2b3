import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import { CALLER_ALG, LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-keys.js';

export type CallerSpec =
  | { kind: 'ministry'; ministry: string; clientId?: string }
  | { kind: 'agent'; commune: string; service?: string; agentId?: string; clientId?: string }
  | { kind: 'citizen'; nin: string }
  | { kind: 'integrator'; client: string; schools?: string[]; wilaya?: string };

/** A caller token as the local identity provider issues it (an OIDC provider in production). */
export async function mintCallerToken(
  key: CryptoKey | KeyObject | Uint8Array,
  spec: CallerSpec,
  options: {
    kid?: string | undefined;
    ttlSeconds?: number;
    issuer?: string;
    audience?: string;
    alg?: string;
  } = {},
): Promise<string> {
  const claims: Record<string, unknown> = { kind: spec.kind };
  let sub: string;
  let clientId: string;
  switch (spec.kind) {
    case 'ministry':
      claims.ministry = spec.ministry;
      clientId = spec.clientId ?? `${spec.ministry.toLowerCase()}-portal`;
      sub = `client:${clientId}`;
      break;
    case 'agent':
      claims.commune = spec.commune;
      const service = spec.service ?? 'COUNTER';
      claims.service = service;
      sub = spec.agentId ?? `agent-${spec.commune}-${service.toLowerCase()}-001`;
      clientId = spec.clientId ?? `guichet-${spec.commune}`;
      break;
    case 'citizen':
      claims.nin = spec.nin;
      sub = `citizen:${spec.nin}`;
      clientId = 'citizen-portal';
      break;
    case 'integrator':
      // Client credentials: the client is its own subject, its scope a claim.
      if (spec.schools) claims.schools = spec.schools;
      if (spec.wilaya) claims.wilaya = spec.wilaya;
      clientId = spec.client;
      sub = `client:${spec.client}`;
      break;
  }
  claims.client_id = clientId;
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: options.alg ?? CALLER_ALG,
      typ: 'JWT',
      ...(options.kid ? { kid: options.kid } : {}),
    })
    .setSubject(sub)
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 8 * 3600}s`)
    .sign(key);
}
