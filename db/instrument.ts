import { SpanKind } from '@opentelemetry/api';
import { tracingActive, withSpan } from '../subgraphs/kit/tracing.js';

/**
 * What the database client is doing now, read by the metrics endpoint. Neither driver
 * says how many connections are busy (postgres.js keeps its queues private, PGlite has
 * one connection), so the wrapper below counts the work that holds one: a statement
 * outside a transaction, or a whole transaction. Beyond `max` of them at once, the rest
 * are waiting for a connection.
 */
export interface PoolGauge {
  /** Statements and transactions started and not yet settled. */
  inFlight: number;
  /** Connections the pool may open (1 for PGlite). */
  max: number;
}

export const poolInUse = (g: PoolGauge) => Math.min(g.inFlight, g.max);
export const poolWaiting = (g: PoolGauge) => Math.max(0, g.inFlight - g.max);

const VERB = /^\s*(\w+)/;
const TABLE = /\b(?:from|into|update|join)\s+((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)/i;

/** A span per statement: its verb and main table, and its text, which holds $n placeholders, never values. */
function sqlSpan<T>(text: string, run: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return run();
  const verb = (VERB.exec(text)?.[1] ?? 'SQL').toUpperCase();
  const table = TABLE.exec(text)?.[1]?.replaceAll('"', '');
  return withSpan(
    table ? `${verb} ${table}` : verb,
    {
      'db.system.name': 'postgresql',
      'db.operation.name': verb,
      ...(table ? { 'db.collection.name': table } : {}),
      'db.query.text': text.length > 2000 ? `${text.slice(0, 2000)}…` : text,
    },
    run,
    SpanKind.CLIENT,
  );
}

async function holding<T>(gauge: PoolGauge | null, run: () => Promise<T>): Promise<T> {
  if (!gauge) return run();
  gauge.inFlight += 1;
  try {
    return await run();
  } finally {
    gauge.inFlight -= 1;
  }
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * postgres.js queries are lazy thenables that run when first awaited, and chainable
 * (`.values()` returns the query itself): the proxy keeps the chain on itself and observes
 * the one execution that `then` starts.
 */
function observedQuery(query: object, observe: (run: () => Promise<unknown>) => Promise<unknown>) {
  let settled: Promise<unknown> | undefined;
  const run = () => {
    settled ??= observe(
      () => new Promise((resolve, reject) => (query as PromiseLike<unknown>).then(resolve, reject)),
    );
    return settled;
  };
  const proxy: object = new Proxy(query, {
    get(target, prop) {
      if (prop === 'then') return (ok?: AnyFn, fail?: AnyFn) => run().then(ok, fail);
      if (prop === 'catch') return (fail?: AnyFn) => run().catch(fail);
      if (prop === 'finally') return (done?: () => void) => run().finally(done);
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as AnyFn).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

type Sql = AnyFn & Record<string, unknown>;

/** The last argument of begin/savepoint is the callback that receives the transaction's sql. */
function wrapCallback(args: unknown[], wrap: (sql: Sql) => Sql): unknown[] {
  const last = args.length - 1;
  const fn = args[last];
  if (typeof fn !== 'function') return args;
  const copy = [...args];
  copy[last] = (sql: Sql) => (fn as AnyFn)(wrap(sql));
  return copy;
}

/**
 * Wraps a postgres.js client: counts the statements and transactions holding a
 * connection, and (when tracing) makes a span of each statement and transaction.
 * Statements inside a transaction run on its reserved connection: spanned, not counted.
 */
export function instrumentPostgres<T extends object>(client: T, gauge: PoolGauge): T {
  const wrap = (sql: Sql, counted: PoolGauge | null): Sql =>
    new Proxy(sql, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop === 'unsafe' && typeof value === 'function') {
          return (text: string, ...rest: unknown[]) =>
            observedQuery((value as AnyFn).call(target, text, ...rest) as object, (run) =>
              holding(counted, () => sqlSpan(text, run)),
            );
        }
        if ((prop === 'begin' || prop === 'savepoint') && typeof value === 'function') {
          return (...args: unknown[]) =>
            holding(prop === 'begin' ? counted : null, () =>
              withSpan(
                prop === 'begin' ? 'transaction' : 'savepoint',
                { 'db.system.name': 'postgresql' },
                () =>
                  (value as AnyFn).apply(
                    target,
                    wrapCallback(args, (tx) => wrap(tx, null)),
                  ) as Promise<unknown>,
                SpanKind.INTERNAL,
              ),
            );
        }
        return value;
      },
    });
  return wrap(client as unknown as Sql, gauge) as unknown as T;
}

/** The same for PGlite: `query`/`exec` outside a transaction hold its one connection. */
export function instrumentPglite<T extends object>(client: T, gauge: PoolGauge): T {
  const wrap = <C extends object>(db: C, counted: PoolGauge | null): C =>
    new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'query' || prop === 'exec') {
          return (text: string, ...rest: unknown[]) =>
            holding(counted, () =>
              sqlSpan(text, () => (value as AnyFn).call(target, text, ...rest) as Promise<unknown>),
            );
        }
        if (prop === 'transaction') {
          return (fn: (tx: object) => Promise<unknown>) =>
            holding(counted, () =>
              withSpan(
                'transaction',
                { 'db.system.name': 'postgresql' },
                () =>
                  (value as AnyFn).call(target, (tx: object) =>
                    fn(wrap(tx, null)),
                  ) as Promise<unknown>,
                SpanKind.INTERNAL,
              ),
            );
        }
        // PGlite keeps private fields: its methods must run on the instance, not the proxy.
        return (value as AnyFn).bind(target);
      },
    });
  return wrap(client, gauge);
}
