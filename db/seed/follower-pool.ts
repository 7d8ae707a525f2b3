import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TableLoad } from '../bulk.js';
import type { CitizenSeedRow, SeedCouple } from './citizens.js';
import {
  FOLLOWER_GROUPS,
  addCounts,
  type FollowerCounts,
  type FollowerGroup,
} from './followers.js';

export interface FollowerData {
  group: FollowerGroup;
  seed: number;
  url: string;
}
export type FollowerRequest =
  | { type: 'batch'; batch: readonly CitizenSeedRow[]; couples: readonly SeedCouple[] }
  | { type: 'end' };
export type FollowerReply =
  | { type: 'ack' }
  | { type: 'indexed'; done: number; total: number }
  | { type: 'end'; counts: FollowerCounts; loads: TableLoad[] }
  | { type: 'error'; message: string; stack: string };

/**
 * Batches a worker may have queued and not yet written: enough that the citizens'
 * generator rarely waits for it, few enough to bound the memory they hold.
 */
const AHEAD = 4;

/**
 * The follower groups in worker threads, one each: the citizens' generator on the main
 * thread posts every batch to each, and they draw and COPY the acts, documents, vehicles
 * and the rest on the other cores. Each group draws from its own seeded streams, batch by
 * batch in order, so the rows are those the groups would draw on the main thread.
 */
export interface FollowerPool {
  /** Posts a batch to every worker; waits while one is AHEAD batches behind. */
  push(batch: readonly CitizenSeedRow[], couples: readonly SeedCouple[]): Promise<void>;
  /** Ends the loads (indexes, commits); `onIndexed` hears the tables done of all workers. */
  finish(
    onIndexed?: (done: number, total: number) => void,
  ): Promise<{ counts: FollowerCounts; loads: TableLoad[] }>;
  /** Stops the workers (their open COPYs roll back); harmless after finish. */
  close(): Promise<void>;
}

interface Member {
  worker: Worker;
  outstanding: number;
  wake: (() => void) | null;
  failure: Error | null;
  indexed: { done: number; total: number };
  ended: Promise<{ counts: FollowerCounts; loads: TableLoad[] }>;
}

/** A worker running db/seed/follower-worker; under tsx or vitest it loads TypeScript. */
function spawn(data: FollowerData): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./follower-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  if (!typescript) return new Worker(entry, { workerData: data });
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export function startFollowerPool(url: string, seed: number): FollowerPool {
  let onIndexed: ((done: number, total: number) => void) | undefined;
  const members: Member[] = FOLLOWER_GROUPS.map((group) => {
    const worker = spawn({ group, seed, url });
    const member: Member = {
      worker,
      outstanding: 0,
      wake: null,
      failure: null,
      indexed: { done: 0, total: 0 },
      ended: null as never,
    };
    member.ended = new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        member.failure ??= error;
        member.wake?.();
        reject(member.failure);
      };
      worker.on('message', (reply: FollowerReply) => {
        if (reply.type === 'ack') {
          member.outstanding -= 1;
          member.wake?.();
        } else if (reply.type === 'indexed') {
          member.indexed = { done: reply.done, total: reply.total };
          const sum = (k: 'done' | 'total') => members.reduce((n, m) => n + m.indexed[k], 0);
          onIndexed?.(sum('done'), sum('total'));
        } else if (reply.type === 'end') {
          resolve({ counts: reply.counts, loads: reply.loads });
        } else {
          const error = new Error(`seed worker (${group}): ${reply.message}`);
          error.stack = reply.stack;
          fail(error);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`seed worker (${group}) exited (${code})`)));
    });
    // Reported by push or finish; kept from counting as unhandled meanwhile.
    member.ended.catch(() => {});
    return member;
  });

  return {
    async push(batch, couples) {
      for (const m of members) {
        while (m.outstanding >= AHEAD && !m.failure)
          await new Promise<void>((resolve) => (m.wake = resolve));
        m.wake = null;
        if (m.failure) throw m.failure;
        m.outstanding += 1;
        m.worker.postMessage({ type: 'batch', batch, couples } satisfies FollowerRequest);
      }
    },
    async finish(listener) {
      onIndexed = listener;
      for (const m of members) m.worker.postMessage({ type: 'end' } satisfies FollowerRequest);
      const results = await Promise.all(members.map((m) => m.ended));
      const counts: FollowerCounts = {
        documents: 0,
        applications: 0,
        vehicles: 0,
        establishments: 0,
        hygieneRequests: 0,
        associations: 0,
      };
      for (const r of results) addCounts(counts, r.counts);
      return { counts, loads: results.flatMap((r) => r.loads) };
    },
    async close() {
      await Promise.all(members.map((m) => m.worker.terminate()));
    },
  };
}
