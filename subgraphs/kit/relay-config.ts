import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { envInt, parseEnv } from './env.js';
import type { Logger } from './logger.js';
import { HttpSmsProvider, LogFileSmsProvider, type SmsProvider } from './sms.js';
import { startRelay, type OutboxSource } from './relay.js';
import type { RelayMetrics } from './relay-metrics.js';

/** The relay's probe port (/health, /ready) when PORT is unset: after the gateway's 4000 and the subgraphs' 4001–4009. */
export const RELAY_DEFAULT_PORT = 4010;

/** The relay's environment: read the same way by `npm run relay` and by `npm start`. */
export const relayEnvSchema = z
  .object({
    SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
    SMS_LOG_FILE: z.string().default('.data/sms.log'),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    RELAY_INTERVAL_MS: envInt(1000),
    RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .loose()
  .refine((e) => e.SMS_PROVIDER !== 'http' || e.SMS_HTTP_URL, {
    message: 'SMS_PROVIDER=http needs SMS_HTTP_URL',
  });
export type RelayEnv = z.infer<typeof relayEnvSchema>;

export function smsProviderFrom(env: RelayEnv): SmsProvider {
  return env.SMS_PROVIDER === 'http'
    ? new HttpSmsProvider(env.SMS_HTTP_URL!, 5000, env.SMS_HTTP_TOKEN)
    : new LogFileSmsProvider(env.SMS_LOG_FILE);
}

/**
 * Starts the notification relay as the environment says: provider, interval, batch size,
 * and a logger, so a failing batch or an undelivered SMS is seen wherever it runs. The one
 * way both `npm run relay` and `npm start` start it (one of them once ignored the batch
 * size and ran without a logger).
 */
export function startRelayFromEnv(
  db: Db,
  sources: readonly OutboxSource[],
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  metrics?: RelayMetrics,
) {
  const config = parseEnv(relayEnvSchema, env);
  const provider = smsProviderFrom(config);
  const relay = startRelay(db, sources, provider, config.RELAY_INTERVAL_MS, {
    batchSize: config.RELAY_BATCH_SIZE,
    log,
    ...(metrics ? { onBatch: metrics.onBatch, onBatchFailure: metrics.onBatchFailure } : {}),
  });
  log.info(
    {
      provider: provider.name,
      intervalMs: config.RELAY_INTERVAL_MS,
      batchSize: config.RELAY_BATCH_SIZE,
    },
    'notification relay running',
  );
  return { relay, provider, config };
}
