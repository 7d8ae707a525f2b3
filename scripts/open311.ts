import { z } from 'zod';
import { envInt, parseEnv } from '../subgraphs/kit/env.js';
import { startOpen311 } from '../open311/server.js';

/** Open311 GeoReport v2 in front of the gateway (see open311/server.ts). */
const env = parseEnv(
  z
    .object({
      OPEN311_PORT: envInt(4311),
      OPEN311_HOST: z.string().default('127.0.0.1'),
      GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
    })
    .loose(),
);
const running = await startOpen311({
  gatewayUrl: env.GATEWAY_URL,
  port: env.OPEN311_PORT,
  host: env.OPEN311_HOST,
});
process.stdout.write(`Open311 GeoReport v2: ${running.url} → ${env.GATEWAY_URL}\n`);
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
