import { ErrorCode, PUBLIC_CODES } from '../subgraphs/kit/errors.js';
import { currentRequestIds, problemCodeOf, type RequestIds } from '../subgraphs/kit/http.js';
import {
  Counter,
  Histogram,
  LATENCY_BUCKETS,
  Registry,
  RequestMetrics,
} from '../subgraphs/kit/metrics.js';
import type { ExecutionPath } from './single-fetch.js';
import type { KeptOutcome } from './kept-entities.js';
import { observeGraphQLRequest, type AnsweredRequest } from '../subgraphs/kit/request-metrics.js';

/**
 * The codes that mean "refused": who the caller is, what they may read, how much, and
 * the limits on a query's shape and size. Everything else a caller can get is counted in
 * gateway_errors_total instead (its own input, missing records, our own failures).
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_SELF,
  ErrorCode.QUOTA_EXCEEDED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.QUERY_TOO_COSTLY,
  'PAYLOAD_TOO_LARGE',
  'ORIGIN_NOT_ALLOWED',
]);

/** Codes counted in gateway_errors_total: the public ones, then our own; "OTHER" bounds the rest. */
const ERROR_CODES = new Set([
  ...PUBLIC_CODES,
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
]);

export type FetchFailure = 'timeout' | 'connection' | 'http_status';

/** Observes each subgraph fetch: how long it took, and why it failed when it did. */
export type FetchObserver = (
  subgraph: string,
  seconds: number,
  failure: FetchFailure | null,
) => void;

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new RequestMetrics(this.registry);
  private readonly fetchDuration = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from the gateway to a subgraph, answer body included, by subgraph.',
    labelNames: ['subgraph'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly fetchErrors = new Counter({
    name: 'gateway_subgraph_fetch_errors_total',
    help: 'Subgraph fetches that failed, by subgraph and reason (timeout, connection, http_status).',
    labelNames: ['subgraph', 'reason'],
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'gateway_refusals_total',
    help: 'Answers that refused the caller, by error code (FORBIDDEN, QUOTA_EXCEEDED, the limits…); once per answer and code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'gateway_errors_total',
    help: 'Answers carrying an error that is not a refusal, by error code; once per answer and code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly executions = new Counter({
    name: 'gateway_operations_executed_total',
    help: "Operations executed, by path: single_fetch (one subgraph answers as is, see gateway/single-fetch.ts) or query_plan (Apollo Gateway's executor).",
    labelNames: ['path'],
    registers: [this.registry],
  });
  private readonly keptFetches = new Counter({
    name: 'gateway_kept_entity_fetches_total',
    help: 'Entity fetches of types every caller may read alike (schema/kept-entities.ts), by subgraph and outcome: hit (answered from what the gateway keeps, no request to the subgraph) or miss.',
    labelNames: ['subgraph', 'outcome'],
    registers: [this.registry],
  });
  /** Codes already counted for a request: an answer with three FORBIDDEN fields is one refusal. */
  private readonly counted = new WeakMap<RequestIds, Set<string>>();
  private readonly observeRequest = observeGraphQLRequest(this.requests);

  /** For the gateway's formatError: every error code a caller is sent. */
  readonly onErrorCode = (code: string): void => {
    const ids = currentRequestIds();
    if (ids) {
      const codes = this.counted.get(ids) ?? new Set<string>();
      if (codes.has(code)) return;
      codes.add(code);
      this.counted.set(ids, codes);
    }
    if (REFUSAL_CODES.has(code)) this.refusals.inc({ code });
    else this.errors.inc({ code: ERROR_CODES.has(code) ? code : 'OTHER' });
  };

  /** For the HTTP front: one request answered, and its code when the front refused it itself. */
  readonly onAnswered = (answered: AnsweredRequest): void => {
    const code = problemCodeOf(answered.res);
    if (code) this.onErrorCode(code);
    this.observeRequest(answered);
  };

  readonly onExecute = (path: ExecutionPath): void => {
    this.executions.inc({ path });
  };

  readonly onKept = (subgraph: string, outcome: KeptOutcome): void => {
    this.keptFetches.inc({ subgraph, outcome });
  };

  readonly onFetch: FetchObserver = (subgraph, seconds, failure) => {
    this.fetchDuration.observe({ subgraph }, seconds);
    if (failure) this.fetchErrors.inc({ subgraph, reason: failure });
  };
}
