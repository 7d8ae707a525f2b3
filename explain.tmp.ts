import { sql } from 'drizzle-orm';
import { openDatabase } from './db/client.js';
import { listCitizens, listCitizensQuery } from './subgraphs/citizens/queries.js';
const d = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/seedbench', statementTimeoutMs: 60000 });
const cases: [string, any][] = [
  ['nobody', { name: 'zzq' }],
  ['nobody+female', { name: 'zzq', sex: 'FEMALE' }],
  ['mohamed', { name: 'mohamed' }],
  ['mohamed+female', { name: 'mohamed', sex: 'FEMALE' }],
  ['be', { name: 'be' }],
  ['ar-bn', { name: 'بن' }],
  ['Meriem+commune', { name: 'Meriem', birthCommuneCode: '1601' }],
];
for (let round = 0; round < 2; round++)
for (const [label, f] of cases) {
  const t0 = performance.now();
  const rows = await listCitizens(d.db, f, { limit: 21, size: 20, after: null } as any);
  const ms = performance.now() - t0;
  const q = listCitizensQuery(d.db, f, { limit: 21, size: 20, after: null } as any).toSQL();
  console.log(round, label.padEnd(16), 'rows', rows.length, 'ms', ms.toFixed(1));
}
await d.close();
