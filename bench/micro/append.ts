import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.js';
import { consultations } from '../../db/tables/citizens.js';
import { ConsultationWriter } from '../../subgraphs/kit/audit.js';
import type { Principal } from '../../schema/principal.js';

/**
 * npx tsx bench/micro/append.ts [postgres-url] — what one append to a consultation log
 * costs the database (CPU of its backend process, from /proc: Linux only), by rows per
 * append, through the audit writer itself (subgraphs/kit/audit.ts). It appends valid,
 * chained rows of a client 'bench-micro' to the bench database's citizens log.
 */
const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/ecg_bench_10000_20260101';
const handle = await openDatabase({ url, poolSize: 1 });
const db = handle.db;
const [backend] = (await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
  pid: number;
}[];
/** Clock ticks per second in /proc (getconf CLK_TCK: 100 on Linux here). */
const ticks = 100;
/** User and system CPU of the database backend, in ms (clock ticks of 10 ms). */
const backendCpuMs = () => {
  const fields = readFileSync(`/proc/${backend!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
};
const principal: Principal = {
  kind: 'ministry',
  sub: 'client:bench-micro',
  clientId: 'bench-micro',
  ministry: 'INTERIOR',
} as Principal;
const writer = new ConsultationWriter(db, consultations);
const reads = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    nin: `1990000000000${String(i).padStart(5, '0')}`,
    groups: ['IDENTITY'],
    purpose: 'CIVIL_STATUS_ADMINISTRATION',
  }));
for (let round = 0; round < 3; round++)
  for (const size of [1, 4, 16]) {
    const calls = Math.ceil(2000 / size);
    const rows = reads(size);
    const cpu = backendCpuMs();
    const started = performance.now();
    for (let i = 0; i < calls; i++)
      await writer.write({ principal, requestId: `micro-${round}-${size}-${i}` }, rows);
    const used = backendCpuMs() - cpu;
    console.log(
      `${size} row(s) per append: database ${(used / calls).toFixed(3)} ms CPU per append, ` +
        `${(used / calls / size).toFixed(3)} per row; ${((performance.now() - started) / calls).toFixed(3)} ms wall per append`,
    );
  }
await handle.close();
