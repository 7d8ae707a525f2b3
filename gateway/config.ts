import { isIP } from 'node:net';
import { z } from 'zod';
import { observabilityEnv } from '../subgraphs/kit/observability-env.js';
import { drainMsFor, envDrainMs, envInt, nodeEnv, parseEnv } from '../subgraphs/kit/env.js';
import { DEFAULT_CALLER_ALGORITHMS } from './caller-auth.js';
export { subgraphUrlsFromEnv } from '../subgraphs/kit/env.js';

/**
 * The browser origins of local web front-ends (a Vite dev server, the gateway's own
 * Sandbox page): allowed by default outside production, where nothing is by default.
 */
export const DEVELOPMENT_WEB_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4000',
  'http://localhost:4000',
];

const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};

/** Environment of the gateway process, parsed once at start. */
export const gatewayEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SUPERGRAPH_FILE: z.string().default('schema/supergraph.graphql'),
    /** Per subgraph: SUBGRAPH_CITIZENS_URL=http://…/graphql; else the supergraph's URL. */
    SUBGRAPH_TIMEOUT_MS: envInt(5000),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('100kb'),
    AUTH_JWKS_URL: z.url().optional(),
    AUTH_PUBLIC_KEY_FILE: z.string().default('.local/keys/caller-issuer.public.jwk.json'),
    AUTH_ISSUER: z.string().default('https://id.e-commune.local'),
    AUTH_AUDIENCE: z.string().default('e-commune-graph'),
    AUTH_ALGORITHMS: z
      .string()
      .default(DEFAULT_CALLER_ALGORITHMS.join(','))
      .transform((v) => v.split(',').map((s) => s.trim()))
      .refine((algs) => algs.every((a) => /^(ES|RS|PS)(256|384|512)$|^EdDSA$/.test(a)), {
        message: 'only asymmetric algorithms are accepted (ES*, RS*, PS*, EdDSA)',
      }),
    /**
     * A production OIDC provider the web app signs citizens in with (authorization code +
     * PKCE); its access tokens are callers beside AUTH_ISSUER's. README: Configuration.
     */
    OIDC_ISSUER: z.url().optional(),
    OIDC_JWKS_URL: z.url().optional(),
    /** The `aud` its access tokens carry; AUTH_AUDIENCE when absent. */
    OIDC_AUDIENCE: z.string().optional(),
    /** The web app's public client at that provider (no secret: PKCE instead). */
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_SCOPES: z.string().default('openid'),
    /** The access-token claim holding the citizen's NIN. */
    OIDC_NIN_CLAIM: z.string().default('nin'),
    /** The caller kinds this provider may vouch for (with our `kind` claim for non-citizens). */
    OIDC_KINDS: z
      .string()
      .default('citizen')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(['citizen', 'agent', 'ministry', 'integrator']))),
    /** Our own reverse proxies: from these peers X-Forwarded-For names the client. */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((ips) => ips.every((ip) => isIP(ip) !== 0), {
        message: 'a comma-separated list of IP addresses',
      }),
    INTERNAL_PRIVATE_KEY_FILE: z.string().default('.local/keys/internal.private.jwk.json'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Comma-separated origins, e.g. https://sante.gov.dz,https://interieur.gov.dz; empty: none. */
    CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().refine(isOrigin, {
            message: 'each origin is scheme://host[:port], nothing after it (no path, no "/")',
          }),
        ),
      )
      .optional(),
    READINESS_DRAIN_MS: envDrainMs,
    /**
     * `off` sends every operation through Apollo Gateway's own executor, even those the
     * single-fetch path would answer (gateway/single-fetch.ts): a switch for operators
     * who suspect it, and the bench's comparison.
     */
    SINGLE_FETCH: z.enum(['on', 'off']).default('on'),
    /** The built web app (`npm run web:build`), served at /; nothing is served when absent. */
    WEB_DIR: z.string().default('web/dist'),
    ...observabilityEnv,
  })
  .loose()
  .superRefine((env, ctx) => {
    if (!env.OIDC_ISSUER) return;
    for (const name of ['OIDC_JWKS_URL', 'OIDC_CLIENT_ID'] as const) {
      if (!env[name]) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `required when OIDC_ISSUER is set`,
        });
      }
    }
  })
  .transform((env) => ({
    ...env,
    CORS_ORIGINS:
      env.CORS_ORIGINS ?? (env.NODE_ENV === 'production' ? [] : [...DEVELOPMENT_WEB_ORIGINS]),
    READINESS_DRAIN_MS: drainMsFor(env.NODE_ENV, env.READINESS_DRAIN_MS),
  }));
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

export const readGatewayEnv = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv(gatewayEnvSchema, env);
