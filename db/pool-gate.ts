import type { Sql } from 'postgres';

/**
 * Raised instead of waiting when every connection of the pool is taken and the queue for
 * one is full, or when a caller has waited for one longer than the bound. The request is
 * refused at once (503, Retry-After) rather than held in a queue that only grows.
 */
export class DatabaseBusyError extends Error {
  readonly code = 'DB_POOL_BUSY';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = 'DatabaseBusyError';
  }
}

export interface PoolGateOptions {
  /** Connections in the pool: at most this many statements or transactions at once. */
  size: number;
  /** Callers that may wait for a connection; the next one is refused at once. */
  maxWaiting: number;
  /** How long a caller may wait for a connection before it is refused. */
  acquireTimeoutMs: number;
}

export interface PoolStats {
  size: number;
  inUse: number;
  waiting: number;
  maxWaiting: number;
  /** The most callers seen waiting at once since start: never above maxWaiting. */
  peakWaiting: number;
  /** Callers refused since start (queue full or waited too long). */
  refused: number;
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/**
 * postgres.js queues a statement without limit and waits forever when its pool is full
 * (STACK.md). This gate sits in front of it with as many permits as the pool has
 * connections, so the driver never queues: the queue is ours, bounded in length and in
 * waiting time. A top-level statement holds a permit while it runs, a transaction for its
 * whole length (it holds a connection); statements inside a transaction use the
 * transaction's connection and take none.
 */
export class PoolGate {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private peak = 0;
  private refusedCount = 0;

  constructor(private readonly options: PoolGateOptions) {}

  stats(): PoolStats {
    return {
      size: this.options.size,
      inUse: this.active,
      waiting: this.queue.length,
      maxWaiting: this.options.maxWaiting,
      peakWaiting: this.peak,
      refused: this.refusedCount,
    };
  }

  async run<T>(work: () => PromiseLike<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.size) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxWaiting) {
      this.refusedCount += 1;
      return Promise.reject(
        new DatabaseBusyError(
          `every database connection is busy and ${this.options.maxWaiting} callers already wait`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          this.refusedCount += 1;
          reject(
            new DatabaseBusyError(
              `no database connection became free within ${this.options.acquireTimeoutMs} ms`,
            ),
          );
        }, this.options.acquireTimeoutMs),
      };
      this.queue.push(waiter);
      this.peak = Math.max(this.peak, this.queue.length);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    // The permit passes to the next waiter as it is: `active` does not change.
    if (next) next.grant();
    else this.active -= 1;
  }
}

/**
 * The postgres.js client as drizzle sees it, with `unsafe` (every statement drizzle
 * sends outside a transaction) and `begin` (a transaction) behind the gate. drizzle
 * either awaits `unsafe(...)` or calls `.values()` on it first, so the stand-in offers
 * both and starts the statement only then, as postgres.js does.
 */
export function gatedClient(client: Sql, gate: PoolGate): Sql {
  const unsafe = (...args: Parameters<Sql['unsafe']>) => {
    let rows: Promise<unknown> | undefined;
    const runRows = () => (rows ??= gate.run(() => client.unsafe(...args)));
    return {
      values: () => gate.run(() => client.unsafe(...args).values()),
      then: (ok?: (v: unknown) => unknown, ko?: (e: unknown) => unknown) => runRows().then(ok, ko),
      catch: (ko: (e: unknown) => unknown) => runRows().catch(ko),
      finally: (fn: () => void) => runRows().finally(fn),
    };
  };
  const begin = (...args: unknown[]) =>
    gate.run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args));
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      return Reflect.get(target, prop, receiver);
    },
  });
}
