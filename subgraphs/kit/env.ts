import { z } from 'zod';

/**
 * Parse the environment once, at start. Every problem is reported together and the
 * process exits non-zero, so a misconfigured deployment fails before it serves.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  process.stderr.write(`Invalid configuration:\n${lines.join('\n')}\n`);
  process.exit(78); // EX_CONFIG
}

/** Helpers for env values, which are always strings. */
export const envInt = (def: number) => z.coerce.number().int().nonnegative().default(def);
export const envBool = (def: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === '1' || v === 'true' || v === 'yes');
export const nodeEnv = z.enum(['development', 'production', 'test']).default('development');

/**
 * READINESS_DRAIN_MS: how long a stopping process answers 503 on /ready while it still
 * serves, before it closes its listener. Unset: 5 s in production (a few probe periods of
 * a load balancer), 0 elsewhere (nobody is probing a laptop or a test).
 */
export const envDrainMs = z.coerce.number().int().nonnegative().max(120_000).optional();
export const drainMsFor = (nodeEnv: string, value: number | undefined): number =>
  value ?? (nodeEnv === 'production' ? 5000 : 0);

/** SUBGRAPH_<NAME>_URL variables, e.g. SUBGRAPH_CITIZENS_URL, as name → URL. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (m && value) urls[m[1]!.toLowerCase()] = value;
  }
  return urls;
}
