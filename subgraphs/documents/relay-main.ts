import { z } from 'zod';
import { openDatabase } from '../../db/client.js';
import { readSubgraphEnv } from '../kit/config.js';
import { envInt, parseEnv } from '../kit/env.js';
import { createLogger } from '../kit/logger.js';
import { HttpSmsProvider, LogFileSmsProvider, type SmsProvider } from '../kit/sms.js';
import { startRelay } from './relay.js';

/** The notification relay as its own process: `npm run relay`. */
export const relayEnvSchema = z
  .object({
    SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
    SMS_LOG_FILE: z.string().default('.data/sms.log'),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    RELAY_INTERVAL_MS: envInt(1000),
    RELAY_BATCH_SIZE: envInt(50),
  })
  .loose()
  .refine((e) => e.SMS_PROVIDER !== 'http' || e.SMS_HTTP_URL, {
    message: 'SMS_PROVIDER=http needs SMS_HTTP_URL',
  });

export function smsProviderFrom(env: z.infer<typeof relayEnvSchema>): SmsProvider {
  return env.SMS_PROVIDER === 'http'
    ? new HttpSmsProvider(env.SMS_HTTP_URL!, 5000, env.SMS_HTTP_TOKEN)
    : new LogFileSmsProvider(env.SMS_LOG_FILE);
}

if (process.argv[1]?.endsWith('relay-main.ts')) {
  const env = parseEnv(relayEnvSchema);
  const dbEnv = readSubgraphEnv();
  const log = createLogger('relay', dbEnv.LOG_LEVEL);
  const database = await openDatabase({
    url: dbEnv.DATABASE_URL,
    pgliteDir: dbEnv.DATABASE_URL ? undefined : dbEnv.PGLITE_DIR,
    poolSize: 2,
    applicationName: 'e-commune-relay',
  });
  const provider = smsProviderFrom(env);
  const relay = startRelay(database.db, provider, env.RELAY_INTERVAL_MS, {
    batchSize: env.RELAY_BATCH_SIZE,
    log,
  });
  log.info({ provider: provider.name }, 'notification relay running');
  const stop = async () => {
    await relay.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
