import http from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseHandle } from '../../db/client.js';
import { poolInUse, poolWaiting } from '../../db/instrument.js';
import { closeServer, listen } from './http.js';
import type { Logger } from './logger.js';

/**
 * Prometheus metrics (prom-client). Each service (the gateway, one subgraph, the relay)
 * has its own registry, served on its own internal listener (METRICS_HOST:METRICS_PORT),
 * never on the public one: the public port answers /metrics with 404. The process's own
 * metrics (event-loop delay, memory, CPU, handles) are collected once per process and
 * served by every listener of it. Label values are bounded sets only: operation names
 * pass through `operationLabel`, codes through a known list; no NIN, no free text.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 20 });
  }
  return processRegistry;
}

/** Buckets for request and fetch latencies, in seconds: 5 ms to 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Most distinct operation names one process keeps as labels; later ones count as "other". */
export const MAX_OPERATION_LABELS = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A name with a long run of digits might carry an identifier (a NIN is 18): never a label. */
const DIGIT_RUN = /\d{5,}/;

/**
 * The label for an operation name: the name itself when it is a short GraphQL name
 * without long digit runs and one of the first MAX_OPERATION_LABELS seen, "anonymous"
 * when there is none, "other" otherwise. Caller-chosen names are unbounded; the cap keeps
 * the series count bounded whatever they send.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();
  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(name: unknown): string {
    if (name === undefined || name === null || name === '') return 'anonymous';
    if (typeof name !== 'string' || !OPERATION_NAME.test(name) || DIGIT_RUN.test(name))
      return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

export type Outcome = 'success' | 'partial' | 'error';

/** success: no error; partial: errors beside some data; error: errors and no data. */
export function outcomeOf(data: unknown, errors: readonly unknown[] | undefined): Outcome {
  if (!errors || errors.length === 0) return 'success';
  const hasData =
    data !== null &&
    typeof data === 'object' &&
    Object.values(data as Record<string, unknown>).some((v) => v !== null);
  return hasData ? 'partial' : 'error';
}

/** The GraphQL requests one service answered: by operation and outcome, and how long they took. */
export class RequestMetrics {
  readonly operations = new OperationLabels();
  private readonly total: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation'>;

  constructor(registry: Registry) {
    this.total = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered on /graphql, by operation name (bounded) and outcome (success, partial, error).',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to the end of its answer, by operation name (bounded).',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  observe(operation: string, outcome: Outcome, seconds: number): void {
    this.total.inc({ operation, outcome });
    this.duration.observe({ operation }, seconds);
  }
}

/** The database pool as the client wrapper sees it (db/instrument.ts). */
export function registerPoolMetrics(registry: Registry, database: DatabaseHandle): void {
  const { pool } = database;
  new Gauge({
    name: 'db_pool_connections_in_use',
    help: 'Database connections held by a statement or a transaction now.',
    registers: [registry],
    collect() {
      this.set(poolInUse(pool));
    },
  });
  new Gauge({
    name: 'db_pool_waiting',
    help: 'Statements and transactions waiting for a free database connection now.',
    registers: [registry],
    collect() {
      this.set(poolWaiting(pool));
    },
  });
  new Gauge({
    name: 'db_pool_connections_max',
    help: 'Connections the pool may open (DB_POOL_SIZE; 1 for embedded PGlite).',
    registers: [registry],
    collect() {
      this.set(pool.max);
    },
  });
}

/** How long writing a request's consultations to the audit log took, and how often it failed. */
export class AuditMetrics {
  private readonly duration: Histogram;
  private readonly failures: Counter;
  private readonly rows: Histogram;

  constructor(registry: Registry) {
    this.rows = new Histogram({
      name: 'audit_append_rows',
      help: 'Consultation rows per append to the chained log: requests under way share one append (group commit), so under load this grows while appends per second stay few.',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 1000],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'audit_write_duration_seconds',
      help: 'Time to commit one request’s consultation records (quota check included); the data leaves only after.',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'audit_write_failures_total',
      help: 'Requests whose consultations could not be recorded: answered AUDIT_UNAVAILABLE, no data sent.',
      registers: [registry],
    });
  }

  observe(seconds: number, failed: boolean): void {
    this.duration.observe(seconds);
    if (failed) this.failures.inc();
  }

  /** One append to the log, of this many rows. */
  appended(rows: number): void {
    this.rows.observe(rows);
  }
}

export interface MetricsServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * The internal listener: GET /metrics in the Prometheus text format, 404 for anything
 * else. It is a listener of its own so that exposing the public port never exposes it.
 */
export async function startMetricsServer(
  registry: Registry,
  options: { port: number; host: string; log: Logger },
): Promise<MetricsServer> {
  const merged = Registry.merge([processMetrics(), registry]);
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.statusCode = 404;
      return void res.end('not found: metrics are at GET /metrics\n');
    }
    merged.metrics().then(
      (text) => {
        res.setHeader('content-type', merged.contentType);
        res.end(text);
      },
      (err: unknown) => {
        options.log.error({ err }, 'metrics could not be collected');
        res.statusCode = 500;
        res.end('metrics could not be collected\n');
      },
    );
  });
  const port = await listen(server, options.port, options.host);
  options.log.info({ port, host: options.host }, 'metrics listening');
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return { port, url: `http://${host}:${port}/metrics`, stop: () => closeServer(server, 2000) };
}

export { Counter, Gauge, Histogram, Registry };
