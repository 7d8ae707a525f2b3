import type { TrustedIssuer } from './caller-auth.js';
import type { GatewayEnv } from './config.js';
import type { PrincipalKind } from '../schema/principal.js';

/** A production OIDC provider, as configured (OIDC_* in the README's Configuration). */
export interface OidcSettings {
  issuer: string;
  jwksUrl: URL;
  audience: string;
  clientId: string;
  scopes: string;
  ninClaim: string;
  kinds: readonly Exclude<PrincipalKind, 'anonymous'>[];
}

/** The provider the OIDC_* variables configure, or none (the schema requires them together). */
export function oidcSettings(env: GatewayEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_JWKS_URL || !env.OIDC_CLIENT_ID) return undefined;
  return {
    issuer: env.OIDC_ISSUER,
    jwksUrl: new URL(env.OIDC_JWKS_URL),
    audience: env.OIDC_AUDIENCE ?? env.AUTH_AUDIENCE,
    clientId: env.OIDC_CLIENT_ID,
    scopes: env.OIDC_SCOPES,
    ninClaim: env.OIDC_NIN_CLAIM,
    kinds: env.OIDC_KINDS,
  };
}

/** What the web app needs to run the authorization-code flow; nothing secret in it. */
export interface WebOidcConfig {
  issuer: string;
  clientId: string;
  scopes: string;
  ninClaim: string;
}

/** The gateway accepts the provider's access tokens as callers, verified against its JWKS. */
export const oidcIssuer = (oidc: OidcSettings, algorithms?: readonly string[]): TrustedIssuer => ({
  key: oidc.jwksUrl,
  issuer: oidc.issuer,
  audience: oidc.audience,
  kinds: oidc.kinds,
  ninClaim: oidc.ninClaim,
  ...(algorithms ? { algorithms } : {}),
});

export const webOidcConfig = (oidc: OidcSettings): WebOidcConfig => ({
  issuer: oidc.issuer,
  clientId: oidc.clientId,
  scopes: oidc.scopes,
  ninClaim: oidc.ninClaim,
});
