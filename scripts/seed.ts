import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { seedIfEmpty } from '../db/seed/index.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';

/**
 * npm run db:seed -- --citizens 100000 [--seed 42]: territory, synthetic citizens with
 * their acts, documents, vehicles and the rest, then schools and enrolments, with a
 * progress bar; COPY on PostgreSQL, INSERTs on PGlite. An already seeded database is left
 * as it is.
 */
const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '20260101' },
    // Draws everything on the main thread (the same rows, to compare timings).
    'one-thread': { type: 'boolean', default: false },
  },
});
const count = Number(values.citizens);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 0) throw new Error('--citizens must be a whole number');
const env = readSubgraphEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
  // ANALYZE of a million citizens takes longer than a request may.
  statementTimeoutMs: 600_000,
});
await database.migrate();
const started = Date.now();
const width = 30;
let peakRss = process.memoryUsage.rss();
let shown = 0;
/** Load average over the last minute: the figures depend on what else the machine runs. */
const load = () => loadavg()[0]!.toFixed(1);
// Seconds per stage, each printed as it ends and all at the end: where a slow run spent
// its time.
const stages = new Map<string, number>();
let stage = '';
let stageStart = started;
let barOpen = false;
const enter = (next: string) => {
  const now = Date.now();
  if (stage) {
    const seconds = (now - stageStart) / 1000;
    stages.set(stage, (stages.get(stage) ?? 0) + seconds);
    if (barOpen) process.stdout.write('\n');
    barOpen = false;
    process.stdout.write(`${stage}: ${seconds.toFixed(1)} s (load ${load()})\n`);
    if (stage === 'indexes' && slowest) process.stdout.write(`  longest to index: ${slowest}\n`);
  }
  stage = next;
  stageStart = now;
};
/** Stages with a bar; the others only print their time. */
const BARS = new Set(['citizens', 'indexes']);
let slowest = '';
const seeded = await seedIfEmpty(database.db, {
  citizens: count,
  seed,
  bulk: database.bulkLoader,
  workers: !values['one-thread'],
  onLoaded: (tables) => {
    slowest = [...tables]
      .sort((a, b) => b.indexSeconds - a.indexSeconds)
      .slice(0, 4)
      .map(
        (t) => `${t.table} ${t.indexSeconds.toFixed(1)} s (${t.indexes} indexes, ${t.rows} rows)`,
      )
      .join(', ');
  },
  onProgress: (name, done, total) => {
    if (name !== stage) enter(name);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const now = Date.now();
    if (!BARS.has(name) || total <= 1) return;
    if (done < total && now - shown < 200) return;
    shown = now;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const rate = Math.round(done / Math.max(0.001, (now - stageStart) / 1000));
    barOpen = true;
    process.stdout.write(
      `\r${name} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${name === 'citizens' ? ` (${rate}/s)` : ' tables'}   `,
    );
  },
});
enter('');
const seconds = (Date.now() - started) / 1000;
// maxRSS is in kilobytes: the peak of the whole run, generation and COPY included.
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
if (!seeded) process.stdout.write('already seeded: nothing to do\n');
else
  process.stdout.write(
    `${seeded.wilayas} wilayas, ${seeded.communes} communes, ${seeded.citizens} citizens, ${seeded.documents} documents, ${seeded.applications} open applications, ${seeded.vehicles} vehicles, ${seeded.assets} communal assets, ${seeded.leases} leases, ${seeded.cases} cases, ${seeded.schools} schools, ${seeded.enrolments} enrolments, ${seeded.establishments} establishments, ${seeded.associations} associations in ${seconds.toFixed(1)} s (${Math.round(seeded.citizens / seconds)} citizens/s, analyze included), peak RSS ${Math.round(peakRss / 2 ** 20)} MB, load ${load()}\n`,
  );
if (seeded)
  process.stdout.write(
    `${[...stages].map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ')}\n`,
  );
await database.close();
