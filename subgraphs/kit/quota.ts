import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.js';
import { preparedCall } from './prepared.js';

export interface QuotaRule {
  /** Distinct NINs a client may resolve per window. */
  limit: number;
  windowSeconds: number;
}

/** The start of the fixed window that contains `now`. */
export function windowStart(now: Date, windowSeconds: number): string {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

export interface QuotaVerdict {
  refused: boolean;
  /** NINs counted in the client's window after this request (the limit when refused). */
  used: number;
}

interface Waiting {
  nins: string[];
  resolve: (verdict: QuotaVerdict) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  clientId: string;
  start: string;
  /** The client's window, as the remembered NINs are keyed. */
  windowKey: string;
  limit: number;
  queue: Waiting[];
  busy: boolean;
}

/** Requests per call at most: one statement, a jsonb of at most this many NIN lists. */
const MAX_BATCH = 200;
/** NINs remembered as counted (client, window, NIN), across all clients of a process. */
const MAX_REMEMBERED = 200_000;

/**
 * Counts the NINs of each response against the client's quota, across every subgraph:
 * the count lives in one table of the platform, not in each subgraph's log, so a client
 * reading the same people through four subgraphs spends one quota. NINs already counted
 * in the window are free. Over the limit nothing of the request is counted and it is
 * refused.
 *
 * A client's count is one row, and its lock is what makes the count exact under
 * concurrency and across replicas. Taking it once per request made a busy client's
 * requests a queue of commits; so the requests of one client that arrive while its
 * previous call is in flight wait here and go together in the next call of
 * `platform.consume_nin_quota_batch` (migrations 0017 and 0019), which counts them one after
 * another in their order under one lock. A lone request still goes at once. Different
 * clients never wait for each other.
 *
 * A NIN counted in a window stays counted until the window ends (only a new window drops
 * the old one's), and a counted NIN is free; so a request whose NINs this process has
 * seen counted in the current window is let through without a call (a front-end reading
 * the same person's documents page after page, a profile read by several subgraphs).
 * Only NINs the database confirmed are remembered, never a refused request's; `used` is
 * then the last count this process saw, which other replicas may have passed.
 */
export class NinQuota {
  private readonly lanes = new Map<string, Lane>();
  private readonly counted = new LRUCache<string, true>({ max: MAX_REMEMBERED });
  private readonly lastUsed = new LRUCache<string, number>({ max: 10_000 });

  constructor(private readonly db: Db) {}

  consume(
    clientId: string,
    nins: readonly string[],
    rule: QuotaRule,
    now = new Date(),
  ): Promise<QuotaVerdict> {
    const start = windowStart(now, rule.windowSeconds);
    // NINs are 18 digits: anything else is not a NIN and is not counted.
    const distinct = [...new Set(nins)].filter((n) => /^\d{18}$/.test(n));
    const windowKey = `${clientId}\u0000${start}`;
    if (distinct.length > 0 && distinct.every((n) => this.counted.has(`${windowKey}\u0000${n}`)))
      return Promise.resolve({ refused: false, used: this.lastUsed.get(windowKey) ?? 0 });
    const key = `${windowKey}\u0000${rule.limit}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { clientId, start, windowKey, limit: rule.limit, queue: [], busy: false };
      this.lanes.set(key, lane);
    }
    const current = lane;
    return new Promise<QuotaVerdict>((resolve, reject) => {
      current.queue.push({ nins: distinct, resolve, reject });
      if (!current.busy) void this.drain(key, current);
    });
  }

  private async drain(key: string, lane: Lane): Promise<void> {
    lane.busy = true;
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, MAX_BATCH);
        try {
          const verdicts = await this.call(lane, batch);
          const { windowKey } = lane;
          batch.forEach((w, i) => {
            const used = verdicts[i]!;
            if (used >= 0) {
              for (const n of w.nins) this.counted.set(`${windowKey}\u0000${n}`, true);
              this.lastUsed.set(windowKey, Math.max(used, this.lastUsed.get(windowKey) ?? 0));
            }
            w.resolve(used < 0 ? { refused: true, used: lane.limit } : { refused: false, used });
          });
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      lane.busy = false;
      this.lanes.delete(key);
    }
  }

  private async call(lane: Lane, batch: Waiting[]): Promise<number[]> {
    const requests = JSON.stringify(batch.map((w) => w.nins));
    const [row] = await consumeBatch(this.db, {
      client: lane.clientId,
      start: lane.start,
      requests,
      limit: lane.limit,
    });
    const verdicts = row!.verdicts!;
    // postgres.js reads an int[] as numbers; PGlite as numbers too, or as the array's text.
    const list = typeof verdicts === 'string' ? verdicts.replace(/[{}]/g, '').split(',') : verdicts;
    if (list.length !== batch.length) throw new Error('quota: one verdict per request expected');
    return list.map(Number);
  }
}

/** Prepared once per connection (prepared.ts, preparedCall). */
const consumeBatch = preparedCall<
  { client: string; start: string; requests: string; limit: number },
  Row['verdicts']
>(
  'quota_consume_batch',
  'verdicts',
  sql`platform.consume_nin_quota_batch(${sql.placeholder('client')}, ${sql.placeholder('start')}::timestamptz, ${sql.placeholder('requests')}::jsonb, ${sql.placeholder('limit')}::int)`,
);

interface Row {
  verdicts: (number | string)[] | string;
}
