/**
 * Who is calling, as the gateway verified it. The gateway puts this in every internal
 * token; subgraphs read it from there and nowhere else.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'ministry'; sub: string; clientId: string; ministry: string }
  | { kind: 'agent'; sub: string; clientId: string; communeCode: string; service: string }
  | { kind: 'citizen'; sub: string; clientId: string; nin: string }
  | { kind: 'integrator'; sub: string; clientId: string; scope: SchoolScope };

/**
 * Which schools an integrator client works for, as its token says: some schools by code,
 * or every school of a wilaya (its education directorate).
 */
export type SchoolScope = { schools: readonly string[] } | { wilaya: string };

export type PrincipalKind = Principal['kind'];

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Issuer and claim names of the internal tokens that the gateway signs for subgraphs. */
export const INTERNAL_ISSUER = 'e-commune-gateway';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
export const INTERNAL_ALGORITHM = 'EdDSA';

export interface InternalClaims {
  principal: Principal;
  purpose: string | null;
  rid: string;
  /** Key values the caller gave as arguments (see gateway/named-keys.ts). */
  named?: string[];
  /** The caller's correlation id (their X-Request-Id), when they sent a valid one. */
  cid?: string;
  /** Set when a subgraph acts for the caller: the subgraph the gateway delegated to. */
  act?: string;
  /** The caller's network address (TCP peer, or X-Forwarded-For from a trusted proxy). */
  addr?: string;
}

/** A short label for logs and audit rows. */
export function principalLabel(p: Principal): string {
  switch (p.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'ministry':
      return `ministry:${p.ministry}/${p.clientId}`;
    case 'agent':
      return `agent:${p.communeCode}/${p.service}/${p.sub}`;
    case 'citizen':
      return `citizen:${p.sub}`;
    case 'integrator':
      return `integrator:${p.clientId}`;
  }
}
