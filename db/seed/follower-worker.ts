import { parentPort, workerData } from 'node:worker_threads';
import postgres from 'postgres';
import { openBulkLoader } from '../bulk.js';
import { CitizenGenerator } from './citizens.js';
import { follower } from './followers.js';
import type { FollowerData, FollowerReply } from './follower-pool.js';

/**
 * A worker thread that runs one group of follower generators (db/seed/followers.ts) on the
 * run's citizens, which it draws again from the seed, batch by batch in order as the main
 * thread does, and COPYs their rows on connections of its own; then it raises its
 * counters, builds its tables' indexes and commits.
 */
const { group, seed, url, citizens, communeCodes, batchSize } = workerData as FollowerData;
const port = parentPort!;
const reply = (message: FollowerReply) => port.postMessage(message);
const loader = openBulkLoader(url, postgres);
const generator = follower(group, seed);

async function run(): Promise<void> {
  const registry = new CitizenGenerator({ seed, count: citizens, communeCodes });
  for (const batch of registry.batches(batchSize)) {
    const couples = registry.takeCouples();
    for (const [table, rows] of generator.generate(batch, couples)) await loader.write(table, rows);
  }
  for (const [table, key, used] of generator.counters()) await loader.raise(table, key, used);
  const loads = await loader.flush((_, done, total) => reply({ type: 'indexed', done, total }));
  await loader.close();
  reply({ type: 'end', counts: generator.counts, loads });
}

run().catch(async (error: Error) => {
  reply({ type: 'error', message: error.message, stack: error.stack ?? '' });
  // Destroying the COPYs rolls their transactions back.
  await loader.close().catch(() => {});
});
