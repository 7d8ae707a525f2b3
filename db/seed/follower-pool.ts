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
  /** The run's citizens, which the worker draws again itself (db/seed/citizens.ts). */
  citizens: number;
  communeCodes: readonly string[];
  batchSize: number;
}
export type FollowerReply =
  | { type: 'indexed'; done: number; total: number }
  | { type: 'end'; counts: FollowerCounts; loads: TableLoad[] }
  | { type: 'error'; message: string; stack: string };

/**
 * The follower groups in worker threads, one each. Each worker draws the citizens again
 * from the same seed (cheaper than receiving them: copying a batch to a thread and back
 * cost more than drawing it, ~3 s per million citizens), batch by batch in order, and draws
 * and COPYs the acts, documents, vehicles and the rest from them on the other cores, so the
 * rows are those the groups would draw on the main thread. The main thread's citizens'
 * COPY no longer waits for the slower followers: it ends, and the citizens' ten indexes
 * build, while the followers are still drawn. Each worker builds its tables' indexes and
 * commits as soon as its rows are in, as the citizens' table does once sealed.
 */
export interface FollowerPool {
  /** Hands a batch to the followers (the workers draw their own: nothing to do). */
  push(batch: readonly CitizenSeedRow[], couples: readonly SeedCouple[]): Promise<void>;
  /** Waits for the loads (indexes, commits); `onIndexed` hears the tables done of all workers. */
  finish(
    onIndexed?: (done: number, total: number) => void,
  ): Promise<{ counts: FollowerCounts; loads: TableLoad[] }>;
  /** Stops the workers (their open COPYs roll back); harmless after finish. */
  close(): Promise<void>;
}

interface Member {
  worker: Worker;
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

export function startFollowerPool(
  url: string,
  seed: number,
  citizens: Pick<FollowerData, 'citizens' | 'communeCodes' | 'batchSize'>,
): FollowerPool {
  let onIndexed: ((done: number, total: number) => void) | undefined;
  const sum = (k: 'done' | 'total') => members.reduce((n, m) => n + m.indexed[k], 0);
  const members: Member[] = FOLLOWER_GROUPS.map((group) => {
    const worker = spawn({ group, seed, url, ...citizens });
    const member: Member = {
      worker,
      failure: null,
      indexed: { done: 0, total: 0 },
      ended: null as never,
    };
    member.ended = new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        member.failure ??= error;
        reject(member.failure);
      };
      worker.on('message', (reply: FollowerReply) => {
        if (reply.type === 'indexed') {
          member.indexed = { done: reply.done, total: reply.total };
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
    // Reported by finish; kept from counting as unhandled meanwhile.
    member.ended.catch(() => {});
    return member;
  });

  return {
    async push() {
      for (const m of members) if (m.failure) throw m.failure;
    },
    async finish(listener) {
      onIndexed = listener;
      if (sum('total') > 0) listener?.(sum('done'), sum('total'));
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
