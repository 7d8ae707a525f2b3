import type { TrustedIssuer } from './caller-auth.js';
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
