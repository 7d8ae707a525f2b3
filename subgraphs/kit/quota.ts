import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

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
  limit: number;
  queue: Waiting[];
  busy: boolean;
}

/** Requests per call at most: one statement, a jsonb of at most this many NIN lists. */
const MAX_BATCH = 200;

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
 * `platform.consume_nin_quota_batch` (migration 0017; its NIN lookup by index since 0019), which counts them one after
 * another in their order under one lock. A lone request still goes at once. Different
 * clients never wait for each other.
 */
export class NinQuota {
  private readonly lanes = new Map<string, Lane>();

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
    const key = `${clientId}\u0000${start}\u0000${rule.limit}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { clientId, start, limit: rule.limit, queue: [], busy: false };
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
          batch.forEach((w, i) => {
            const used = verdicts[i]!;
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
    const result = (await this.db.execute(sql`
      select platform.consume_nin_quota_batch(${lane.clientId}, ${lane.start}::timestamptz, ${requests}::jsonb, ${lane.limit}::int) as verdicts
    `)) as unknown as { rows?: Row[] } & Row[];
    const verdicts = (result.rows ?? [...result])[0]!.verdicts;
    // postgres.js reads an int[] as numbers; PGlite as numbers too, or as the array's text.
    const list = typeof verdicts === 'string' ? verdicts.replace(/[{}]/g, '').split(',') : verdicts;
    if (list.length !== batch.length) throw new Error('quota: one verdict per request expected');
    return list.map(Number);
  }
}

interface Row {
  verdicts: (number | string)[] | string;
}
