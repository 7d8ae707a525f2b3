import { isIP } from 'node:net';
import { z } from 'zod';
import { envInt, nodeEnv, parseEnv } from '../subgraphs/kit/env.js';
export { subgraphUrlsFromEnv } from '../subgraphs/kit/env.js';

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
      .default('ES256,RS256,PS256,EdDSA')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .refine((algs) => algs.every((a) => /^(ES|RS|PS)(256|384|512)$|^EdDSA$/.test(a)), {
        message: 'only asymmetric algorithms are accepted (ES*, RS*, PS*, EdDSA)',
      }),
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
  })
  .loose();
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

export const readGatewayEnv = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv(gatewayEnvSchema, env);
