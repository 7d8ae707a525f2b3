import { z } from 'zod';

/** An unset or empty variable is absent (an empty OTEL_EXPORTER_OTLP_ENDPOINT= turns tracing off). */
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

/**
 * The environment of metrics and traces, shared by the gateway's, the subgraphs' and the
 * relay's configuration (parsed with theirs, once, at start).
 */
export const observabilityEnv = {
  /** The internal metrics listener's port; unset: METRICS_BASE_PORT + the service's offset. */
  METRICS_PORT: z.preprocess(blankIsAbsent, z.coerce.number().int().min(0).max(65535).optional()),
  /** Where the metrics listener binds: 0.0.0.0 in a pod, so that Prometheus reaches it. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** OTLP/HTTP collector (e.g. http://otel-collector:4318); unset: tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
    blankIsAbsent,
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  /** service.name on the spans; unset: e-commune-<service>. */
  OTEL_SERVICE_NAME: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
  ),
};

/**
 * Default metrics ports on one machine: the gateway 9400, each subgraph 9400 + (its
 * port − 4000), so citizens (4001) 9401… associations (4009) 9409, and the relay 9410.
 */
export const METRICS_BASE_PORT = 9400;
export const RELAY_METRICS_OFFSET = 10;

export function metricsListener(
  env: { METRICS_PORT?: number | undefined; METRICS_HOST: string },
  offset: number,
): { port: number; host: string } {
  return { port: env.METRICS_PORT ?? METRICS_BASE_PORT + offset, host: env.METRICS_HOST };
}

/**
 * For `npm start`, where every service shares one process and one environment:
 * METRICS_PORT is the base port (0: every listener on an ephemeral port).
 */
export function metricsListenerFromBase(
  env: { METRICS_PORT?: number | undefined; METRICS_HOST: string },
  offset: number,
): { port: number; host: string } {
  const base = env.METRICS_PORT ?? METRICS_BASE_PORT;
  return { port: base === 0 ? 0 : base + offset, host: env.METRICS_HOST };
}
