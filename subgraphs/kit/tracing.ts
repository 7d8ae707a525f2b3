import type http from 'node:http';
import {
  context,
  propagation,
  trace,
  SpanKind,
  SpanStatusCode,
  ROOT_CONTEXT,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { currentRequestIds } from './http.js';

/**
 * OpenTelemetry tracing, off unless an OTLP endpoint is configured. Off means free: the
 * SDK is never imported, no provider, context manager or propagator is registered, and
 * the hooks below test one boolean and call straight through. The spans are made by hand
 * (HTTP server and subgraph fetch, SQL statements) rather than by auto-instrumentation,
 * which would have to patch node:http before anything imports it and would also trace
 * the exporter's own requests.
 */
let active = false;
const tracer = () => trace.getTracer('e-commune-graph');

/** The attribute every span carries: the platform's request id (never the caller's text). */
export const REQUEST_ID_ATTRIBUTE = 'request.id';
/** Which part of the graph made a span, when several run in one process (npm start, tests). */
export const SERVICE_ATTRIBUTE = 'ecommune.service';

export const tracingActive = (): boolean => active;

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://collector:4318; traces go to <endpoint>/v1/traces. */
  endpoint: string | undefined;
  /** service.name of this process: e-commune-gateway, e-commune-citizens… */
  serviceName: string;
}

export interface Tracing {
  /** Sends the spans still buffered (tests; shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const NOOP: Tracing = { flush: async () => {}, shutdown: async () => {} };

/**
 * Starts the SDK when an endpoint is configured; otherwise does nothing and returns a
 * no-op handle. Call once per process, before serving. Spans are batched and sent as
 * OTLP over HTTP (JSON); the sampler honours OTEL_TRACES_SAMPLER (default: parent-based,
 * always on), and a subgraph follows the gateway's sampling decision.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  if (!options.endpoint || active) return NOOP;
  const [
    { NodeTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new OTLPTraceExporter({
    url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces`,
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      {
        // Every span started while a request is served carries that request's id, so a
        // trace is found from the id a caller quotes to support (and the logs' rid).
        onStart(span) {
          const ids = currentRequestIds();
          if (ids) span.setAttribute(REQUEST_ID_ATTRIBUTE, ids.requestId);
        },
        onEnd() {},
        forceFlush: async () => {},
        shutdown: async () => {},
      },
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 }),
    ],
  });
  // Registers the AsyncLocalStorage context manager and the W3C traceparent propagator.
  provider.register();
  active = true;
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      active = false;
    },
  };
}

/**
 * Runs `handle` inside a SERVER span for one HTTP request; the span ends when the answer
 * is sent. `trustParent`: continue the trace named by the request's traceparent (a
 * subgraph, whom only the gateway reaches) or start a new one (the gateway, whose callers
 * are the public: their traceparent would let anyone graft spans onto our traces).
 */
export function traceHttpRequest(
  service: string,
  trustParent: boolean,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  handle: () => void,
): void {
  if (!active) return handle();
  const parent = trustParent ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [SERVICE_ATTRIBUTE]: service,
        'http.request.method': req.method ?? 'GET',
        'url.path': path,
      },
    },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    // A subgraph adopts the gateway's request id once its token is verified: the final one.
    const ids = currentRequestIds();
    if (ids) span.setAttribute(REQUEST_ID_ATTRIBUTE, ids.requestId);
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), handle);
}

/** A CLIENT span for a call to another service, and the headers that carry it there. */
export interface ClientSpan {
  headers: Record<string, string>;
  end(error?: string, status?: number): void;
}

const NOOP_CLIENT: ClientSpan = { headers: {}, end: () => {} };

export function startClientSpan(name: string, attributes: Attributes): ClientSpan {
  if (!active) return NOOP_CLIENT;
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return {
    headers,
    end(error, status) {
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
      span.end();
    },
  };
}

/**
 * Runs `work` inside an INTERNAL or CLIENT span (SQL statements, transactions); the span
 * records a failure's message only, never bound values.
 */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
  kind: SpanKind = SpanKind.CLIENT,
): Promise<T> {
  if (!active) return work();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span: Span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The traceparent of the current span, for a call made without a span of its own (a peer call). */
export function traceHeaders(): Record<string, string> {
  if (!active) return {};
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
