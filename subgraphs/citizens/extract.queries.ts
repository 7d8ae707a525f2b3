import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { extractRevocations, extracts, issuerKeys } from '../../db/tables/citizens.js';

export type ExtractRow = typeof extracts.$inferSelect;

/** The signing key of extracts: created once, by whichever replica asks first. */
export async function issuerKey(
  db: Db,
  create: () => Promise<{ kid: string; alg: string; privateJwk: object; publicJwk: object }>,
) {
  const [existing] = await db.select().from(issuerKeys).limit(1);
  if (existing) return existing;
  await db
    .insert(issuerKeys)
    .values(await create())
    .onConflictDoNothing();
  const [row] = await db.select().from(issuerKeys).limit(1);
  return row!;
}

export async function publishedKeys(db: Db) {
  return db.select({ kid: issuerKeys.kid, publicJwk: issuerKeys.publicJwk }).from(issuerKeys);
}

/** Reserves an extract's row (its id is its index in the status list). */
export async function recordExtract(
  db: Db,
  row: typeof extracts.$inferInsert,
): Promise<ExtractRow> {
  const [created] = await db.insert(extracts).values(row).returning();
  return created!;
}

export async function extractByCode(db: Db, code: string): Promise<ExtractRow | null> {
  const [row] = await db.select().from(extracts).where(eq(extracts.code, code));
  return row ?? null;
}

export async function isRevoked(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: extractRevocations.extractId })
    .from(extractRevocations)
    .where(eq(extractRevocations.extractId, id));
  return !!row;
}

/** Indexes of revoked extracts within [from, to): one status list. */
export async function revokedBetween(db: Db, from: number, to: number): Promise<number[]> {
  const rows = await db
    .select({ id: extractRevocations.extractId })
    .from(extractRevocations)
    .where(and(gte(extractRevocations.extractId, from), lt(extractRevocations.extractId, to)));
  return rows.map((r) => r.id);
}

export async function lastExtractId(db: Db): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${extracts.id}), 0)` })
    .from(extracts);
  return Number(row?.max ?? 0);
}

export const extractsByIds = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.select().from(extracts).where(inArray(extracts.id, ids));
