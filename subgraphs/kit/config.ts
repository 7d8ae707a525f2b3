import { z } from 'zod';
import { observabilityEnv } from './observability-env.js';
import { drainMsFor, envDrainMs, envInt, nodeEnv, parseEnv } from './env.js';

/** Environment of one subgraph process, parsed once at start. */
export const subgraphEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    DB_POOL_SIZE: envInt(10),
    /** Callers that may wait for a free connection; beyond, refused with 503 (default 10 × pool). */
    DB_POOL_QUEUE: z.coerce.number().int().nonnegative().optional(),
    /** Longest wait for a free connection before a 503 (ms). */
    DB_ACQUIRE_TIMEOUT_MS: envInt(5000),
    /** Distinct NINs per client and window, for every client (load runs, tests); unset: the policy's. */
    NIN_QUOTA_LIMIT: z.coerce.number().int().positive().optional(),
    INTERNAL_PUBLIC_KEY_FILE: z.string().default('.local/keys/internal.public.jwk.json'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    READINESS_DRAIN_MS: envDrainMs,
    ...observabilityEnv,
  })
  .transform((env) => ({
    ...env,
    READINESS_DRAIN_MS: drainMsFor(env.NODE_ENV, env.READINESS_DRAIN_MS),
  }));
export type SubgraphEnv = z.infer<typeof subgraphEnvSchema>;

export const readSubgraphEnv = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv(subgraphEnvSchema, env);
