import { asc, desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communes } from '../db/tables/communes.js';
import { citizens } from '../db/tables/citizens.js';
import { documents } from '../db/tables/documents.js';
import { seedIfEmpty } from '../db/seed/index.js';
import { pagePerParent } from '../subgraphs/kit/page-per-parent.js';
import { citizensByNins } from '../subgraphs/citizens/queries.js';
import { communesByCodes } from '../subgraphs/communes/queries.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';

// Prepared statements (subgraphs/kit/prepared.ts) are built once per handle and run with
// new values: whatever the number of keys, the page size or the order of calls, they must
// answer what the statement built for each call answers.
let database: TestDatabase;
let holders: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedIfEmpty(database.db, { citizens: 300, seed: 7, bulk: database.bulkLoader });
  holders = (
    await rows<{ holder_nin: string }>(
      database.db,
      sql`select holder_nin from documents.documents group by holder_nin having count(*) > 1 order by holder_nin limit 12`,
    )
  ).map((r) => r.holder_nin);
}, 120_000);
afterAll(() => database?.drop());

const documentsPage = (parents: string[], limit: number, name?: string) =>
  pagePerParent(database.db, {
    table: documents,
    parent: documents.holderNin,
    parents,
    orderBy: [desc(documents.issueDate), asc(documents.number)],
    after: undefined,
    limit,
    ...(name ? { name } : {}),
  });

describe('prepared statements', () => {
  it('a first page per parent: the same rows as the built statement, at every size', async () => {
    expect(holders.length).toBeGreaterThan(5);
    for (const [parents, limit] of [
      [holders.slice(0, 1), 1],
      [holders, 2],
      [holders.slice(3, 7), 5],
      [holders.slice(0, 1), 20],
      [[...holders, '000000000000000000'], 1],
    ] as const) {
      const built = await documentsPage([...parents], limit);
      const fromPrepared = await documentsPage([...parents], limit, 'test_documents_of_holders');
      expect(fromPrepared).toEqual(built);
      // Each parent's page is cut at the limit.
      for (const holder of parents)
        expect(built.filter((d) => d.holderNin === holder).length).toBeLessThanOrEqual(limit);
    }
  });

  it('a lookup by keys answers each set of keys, not the first one it was prepared with', async () => {
    const all = await database.db.select({ nin: citizens.nin }).from(citizens).limit(5);
    const nins = all.map((c) => c.nin);
    expect((await citizensByNins(database.db, nins.slice(0, 1))).map((c) => c.nin)).toEqual(
      nins.slice(0, 1),
    );
    const three = await citizensByNins(database.db, nins.slice(2, 5));
    expect(three.map((c) => c.nin).sort()).toEqual(nins.slice(2, 5).sort());
    expect(await citizensByNins(database.db, ['000000000000000000'])).toEqual([]);
    const codes = ['1601', '3101', '9999'];
    const found = await communesByCodes(database.db, codes);
    expect(found.map((c) => c.code).sort()).toEqual(['1601', '3101']);
    const built = await database.db
      .select()
      .from(communes)
      .where(sql`${communes.code} in ('1601', '3101')`);
    expect([...found].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...built].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it('each execution is counted as a statement', async () => {
    const before = database.stats.statements;
    await documentsPage(holders.slice(0, 2), 3, 'test_documents_of_holders');
    await documentsPage(holders.slice(0, 2), 3, 'test_documents_of_holders');
    expect(database.stats.statements - before).toBe(2);
  });
});
