import { DEFAULT_AGENT_SERVICE, isAgentService } from '../schema/access-policy.js';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isNin } from '../schema/nin.js';
import { ANONYMOUS, type Principal, type SchoolScope } from '../schema/principal.js';
import { ErrorCode, unauthenticated } from '../subgraphs/kit/errors.js';
import type { VerifyKey } from '../subgraphs/kit/internal-token.js';

/**
 * The caller-token algorithms accepted unless AUTH_ALGORITHMS says otherwise: asymmetric
 * only, so `none` and HS256-with-the-public-key (key confusion) can never verify.
 */
export const DEFAULT_CALLER_ALGORITHMS: readonly string[] = ['ES256', 'RS256', 'PS256', 'EdDSA'];

/** An identity provider whose tokens the gateway accepts, and what it may say. */
export interface TrustedIssuer {
  /** A fixed public key (local issuer) or a JWKS URL (any OIDC provider). */
  key: VerifyKey | URL;
  issuer: string;
  audience: string;
  /** Defaults to DEFAULT_CALLER_ALGORITHMS. */
  algorithms?: readonly string[];
  /**
   * The caller kinds this issuer may vouch for; every kind when absent. A citizens'
   * sign-in provider is limited to `citizen`, so it can never mint an agent or a ministry.
   */
  kinds?: readonly Principal['kind'][];
  /**
   * A standard OIDC provider knows nothing of our `kind` claim: a token without one is a
   * citizen's when this claim holds a valid NIN (README, Configuration: OIDC_NIN_CLAIM).
   */
  ninClaim?: string;
}

export interface CallerAuthOptions extends TrustedIssuer {
  /** Further issuers (a production OIDC provider), told apart by the token's `iss`. */
  others?: readonly TrustedIssuer[];
  /** How long a JWKS fetch may take before the provider counts as unavailable. */
  jwksTimeoutMs?: number;
}

/** The identity provider's key set could not be had: our side's failure, not the token's. */
class KeySetUnavailable extends Error {}

/**
 * A JWKS key getter whose failures to fetch the set (unreachable, slow, a 500, not a key
 * set) are told apart from the token's own faults (no key for its `kid` or `alg`): the
 * first is a 503 for us to fix, the second a 401 for the caller. Classified where the
 * fetch happens, not guessed from error names after the fact.
 */
function remoteKeySet(url: URL, timeoutMs: number): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(url, { timeoutDuration: timeoutMs });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      ) {
        throw error;
      }
      throw new KeySetUnavailable('the JWKS could not be fetched', { cause: error });
    }
  };
}

const MINISTRY = /^[A-Z][A-Z_]{1,39}$/;
const COMMUNE = /^\d{4}$/;
const SCHOOL = /^\d{6}$/;
const WILAYA = /^\d{2}$/;
/** An integrator's token names at most this many schools; beyond, a directorate's wilaya. */
export const MAX_TOKEN_SCHOOLS = 200;

/** `schools` (a list of 6-digit codes) or `wilaya` (2 digits), exactly one; null otherwise. */
function schoolScopeOf(payload: JWTPayload): SchoolScope | null {
  const { schools, wilaya } = payload;
  if (schools !== undefined && wilaya === undefined) {
    return Array.isArray(schools) &&
      schools.length > 0 &&
      schools.length <= MAX_TOKEN_SCHOOLS &&
      schools.every((s) => typeof s === 'string' && SCHOOL.test(s))
      ? { schools: [...new Set(schools as string[])] }
      : null;
  }
  if (wilaya !== undefined && schools === undefined)
    return typeof wilaya === 'string' && WILAYA.test(wilaya) ? { wilaya } : null;
  return null;
}

/** Our claims (`kind` and its own), or a standard provider's token mapped as its issuer says. */
function principalFor(payload: JWTPayload, trusted: TrustedIssuer): Principal | null {
  const claim = trusted.ninClaim;
  const mapped =
    payload.kind === undefined && claim && typeof payload[claim] === 'string'
      ? { ...payload, kind: 'citizen', nin: payload[claim] }
      : payload;
  const principal = principalOf(mapped);
  if (!principal || (trusted.kinds && !trusted.kinds.includes(principal.kind))) return null;
  return principal;
}

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
    case 'agent': {
      // Tokens issued before services existed name none: they are the counter's.
      const service = payload.service ?? DEFAULT_AGENT_SERVICE;
      return typeof payload.commune === 'string' &&
        COMMUNE.test(payload.commune) &&
        typeof service === 'string' &&
        isAgentService(service)
        ? { kind: 'agent', sub, clientId, communeCode: payload.commune, service }
        : null;
    }
    case 'citizen':
      return typeof payload.nin === 'string' && isNin(payload.nin)
        ? { kind: 'citizen', sub, clientId, nin: payload.nin }
        : null;
    case 'integrator': {
      const scope = schoolScopeOf(payload);
      return scope ? { kind: 'integrator', sub, clientId, scope } : null;
    }
    default:
      return null;
  }
}

const invalidToken = () =>
  unauthenticated(
    'the bearer token is invalid or expired; get a new one from your identity provider',
  );

/** Verified tokens kept at most this long, and at most this many. */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 5000;

/**
 * Verifies the caller's bearer token: signature with an algorithm allowlist (so `none`
 * and HS/RS confusion fail), issuer, audience, expiry, ≤ 30 s clock skew. No token is
 * the anonymous caller; a bad token is refused outright, never downgraded.
 *
 * A client sends the same token with every request for its whole life, and verifying it
 * (jose, WebCrypto) was a fixed cost of every request. A token that verified is kept, by
 * its exact text, until its own `exp` or a minute, whichever comes first: within that it
 * would verify again the same way (nothing here revokes a token before its expiry). Only
 * successes are kept, so a refused token is checked afresh each time.
 */
export function createCallerAuth(options: CallerAuthOptions) {
  const verified = new LRUCache<string, { principal: Principal; expiresAt: number }>({
    max: VERIFIED_MAX,
    ttl: VERIFIED_TTL_MS,
  });
  const issuers = new Map(
    [options, ...(options.others ?? [])].map((trusted) => [
      trusted.issuer,
      {
        trusted,
        key: (trusted.key instanceof URL
          ? remoteKeySet(trusted.key, options.jwksTimeoutMs ?? 5000)
          : trusted.key) as VerifyKey | JWTVerifyGetKey,
        algorithms: [...(trusted.algorithms ?? DEFAULT_CALLER_ALGORITHMS)],
      },
    ]),
  );
  const stats = { verifications: 0 };
  const authenticate = async function authenticate(
    authorization: string | undefined,
  ): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*)$/.exec(
      authorization.trim(),
    );
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <JWT>"');
    const known = verified.get(match[1]!);
    if (known && Date.now() < known.expiresAt) return known.principal;
    // The unverified `iss` only picks whose key to check with; jwtVerify then requires it.
    let claimed: unknown;
    try {
      claimed = decodeJwt(match[1]!).iss;
    } catch {
      throw invalidToken();
    }
    const chosen = typeof claimed === 'string' ? issuers.get(claimed) : undefined;
    if (!chosen) throw invalidToken();
    let payload: JWTPayload;
    stats.verifications += 1;
    try {
      ({ payload } = await jwtVerify(match[1]!, chosen.key as never, {
        algorithms: chosen.algorithms,
        issuer: chosen.trusted.issuer,
        audience: chosen.trusted.audience,
        clockTolerance: 30,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      if (error instanceof KeySetUnavailable) {
        throw new GraphQLError(
          'caller tokens cannot be verified right now (the identity provider does not answer); this is on our side, try again shortly',
          {
            extensions: { code: ErrorCode.AUTH_UNAVAILABLE, http: { status: 503 } },
            originalError: error.cause instanceof Error ? error.cause : error,
          },
        );
      }
      throw invalidToken();
    }
    const principal = principalFor(payload, chosen.trusted);
    if (!principal) throw invalidToken();
    // exp is required above; kept no longer than the token itself is valid.
    const expiresAt = Math.min(payload.exp! * 1000, Date.now() + VERIFIED_TTL_MS);
    if (expiresAt > Date.now()) verified.set(match[1]!, { principal, expiresAt });
    return principal;
  };
  /** Signatures actually checked so far (the rest were tokens verified before). */
  return Object.assign(authenticate, { stats });
}
