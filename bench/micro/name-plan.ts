import postgres from 'postgres';
import { openDatabase } from '../../db/client.js';

/**
 * npx tsx bench/micro/name-plan.ts <database url> — migrates, analyzes and prints the plans
 * of the citizens' name filter: a name that matches nobody, alone and with a sex filter.
 */
const url = process.argv[2]!;
const handle = await openDatabase({ url, poolSize: 1 });
await handle.migrate();
await handle.close();
const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql`analyze citizens.citizens`;
for (const [label, extra] of [
  ['name only', sql``],
  ['name and sex', sql`and sex = 'FEMALE'`],
] as const) {
  const plan = await sql`explain analyze select nin from citizens.citizens
    where (lower(family_name_lat) like 'zzqx%' or lower(given_name_lat) like 'zzqx%'
      or family_name_ar like 'zzqx%' or given_name_ar like 'zzqx%') ${extra}
    order by nin limit 20`;
  console.log(`-- ${label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
}
await sql.end();
