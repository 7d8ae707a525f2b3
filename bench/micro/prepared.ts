import { asc, desc, inArray } from 'drizzle-orm';
import { openDatabase } from '../../db/client.js';
import { citizens } from '../../db/tables/citizens.js';
import { documents } from '../../db/tables/documents.js';
import { pagePerParent } from '../../subgraphs/kit/page-per-parent.js';
import { citizenColumns, citizensByNins } from '../../subgraphs/citizens/queries.js';

/**
 * npx tsx bench/micro/prepared.ts [postgres-url] — this process's CPU per lookup, a
 * statement drizzle builds for every call against the one it prepared once
 * (subgraphs/kit/prepared.ts), on a seeded database (the bench's, by default).
 */
const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/ecg_bench_10000_20260101';
const handle = await openDatabase({ url, poolSize: 1 });
const db = handle.db;
const nins = (await db.select({ nin: citizens.nin }).from(citizens).limit(1)).map((r) => r.nin);
const page = (name?: string) =>
  pagePerParent(db, {
    table: documents,
    parent: documents.holderNin,
    parents: nins,
    orderBy: [desc(documents.issueDate), asc(documents.number)],
    after: undefined,
    limit: 5,
    ...(name ? { name } : {}),
  });
const cases: Record<string, () => Promise<unknown>> = {
  'citizen by NIN, built': () =>
    db.select(citizenColumns).from(citizens).where(inArray(citizens.nin, nins)),
  'citizen by NIN, prepared': () => citizensByNins(db, nins),
  'documents page per holder, built': () => page(),
  'documents page per holder, prepared': () => page('micro_documents_of_holders'),
};
const N = 3000;
for (let round = 0; round < 3; round++)
  for (const [name, run] of Object.entries(cases)) {
    for (let i = 0; i < 300; i++) await run();
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i++) await run();
    const used = process.cpuUsage(cpu);
    console.log(`${name}: ${((used.user + used.system) / N).toFixed(0)} µs of CPU per call`);
  }
await handle.close();
