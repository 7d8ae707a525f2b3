import { parentPort, workerData } from 'node:worker_threads';
import postgres from 'postgres';
import { openBulkLoader } from '../bulk.js';
import { follower } from './followers.js';
import type { FollowerData, FollowerRequest, FollowerReply } from './follower-pool.js';

/**
 * A worker thread that runs one group of follower generators (db/seed/followers.ts) on the
 * batches of citizens the main thread posts, in order, and COPYs their rows on connections
 * of its own; on 'end' it raises its counters, builds its tables' indexes and commits.
 */
const { group, seed, url } = workerData as FollowerData;
const port = parentPort!;
const reply = (message: FollowerReply) => port.postMessage(message);
const loader = openBulkLoader(url, postgres);
const generator = follower(group, seed);

async function handle(request: FollowerRequest): Promise<void> {
  if (request.type === 'batch') {
    for (const [table, rows] of generator.generate(request.batch, request.couples))
      await loader.write(table, rows);
    reply({ type: 'ack' });
    return;
  }
  for (const [table, key, used] of generator.counters()) await loader.raise(table, key, used);
  const loads = await loader.flush((_, done, total) => reply({ type: 'indexed', done, total }));
  await loader.close();
  reply({ type: 'end', counts: generator.counts, loads });
}

let chain = Promise.resolve();
let failed = false;
port.on('message', (request: FollowerRequest) => {
  chain = chain
    .then(() => (failed ? undefined : handle(request)))
    .catch(async (error: Error) => {
      if (failed) return;
      failed = true;
      reply({ type: 'error', message: error.message, stack: error.stack ?? '' });
      // Destroying the COPYs rolls their transactions back.
      await loader.close().catch(() => {});
    });
});
