import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ConsultationsTable } from '../../db/tables/consultations.js';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Principal } from '../../schema/principal.js';

/** Collects, during one request, which groups of which NINs the policy let through. */
export class ConsultationRecorder {
  private readonly reads = new Map<string, { groups: Set<string>; purpose: string }>();

  record(nin: string, group: string, purpose: string): void {
    const entry = this.reads.get(nin) ?? { groups: new Set<string>(), purpose };
    entry.groups.add(group);
    this.reads.set(nin, entry);
  }

  get size(): number {
    return this.reads.size;
  }

  entries(): { nin: string; groups: string[]; purpose: string }[] {
    return [...this.reads].map(([nin, e]) => ({
      nin,
      groups: [...e.groups].sort(),
      purpose: e.purpose,
    }));
  }
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ConsultationFields {
  at: string;
  requestId: string;
  principalKind: string;
  clientId: string;
  subject: string;
  ministry: string | null;
  communeCode: string | null;
  nin: string;
  groups: string[];
  purpose: string;
  outcome: string;
}

/** The hash of one row: it covers every field and the previous row's hash. */
export function chainHash(prevHash: string, row: ConsultationFields): string {
  const canonical = JSON.stringify([
    prevHash,
    new Date(row.at).toISOString(),
    row.requestId,
    row.principalKind,
    row.clientId,
    row.subject,
    row.ministry,
    row.communeCode,
    row.nin,
    row.groups,
    row.purpose,
    row.outcome,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface AuditRequest {
  principal: Principal;
  requestId: string;
}

/**
 * Writes this request's consultations, chained to the last row, in one transaction held
 * under an advisory lock (the chain needs one writer at a time). `outcome` says whether
 * the data left (ALLOWED) or was refused for the quota (REFUSED_QUOTA), which the caller
 * decided before. Any failure throws: the caller must not send the data then.
 */
export async function writeConsultations(
  db: Db,
  table: ConsultationsTable,
  request: AuditRequest,
  reads: { nin: string; groups: string[]; purpose: string }[],
  outcome: 'ALLOWED' | 'REFUSED_QUOTA' = 'ALLOWED',
): Promise<void> {
  const p = request.principal;
  const clientId = clientIdOf(p);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${getTableConfig(table).schema ?? 'public'}.${getTableConfig(table).name}`}, 0))`,
    );
    const now = new Date();
    const [last] = await tx
      .select({ hash: table.hash })
      .from(table)
      .orderBy(desc(table.id))
      .limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = reads.map((r) => {
      const fields: ConsultationFields = {
        at: now.toISOString(),
        requestId: request.requestId,
        principalKind: p.kind,
        clientId,
        subject: p.kind === 'anonymous' ? 'anonymous' : p.sub,
        ministry: p.kind === 'ministry' ? p.ministry : null,
        communeCode: p.kind === 'agent' ? p.communeCode : null,
        nin: r.nin,
        groups: r.groups,
        purpose: r.purpose,
        outcome,
      };
      const hash = chainHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await tx.insert(table).values(rows);
  });
}

/** The client a quota and an audit row are counted against. */
export function clientIdOf(p: Principal): string {
  return p.kind === 'anonymous' ? 'anonymous' : p.clientId;
}

export interface ChainReport {
  rows: number;
  ok: boolean;
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt: number | null;
}

/** Recomputes the whole chain, a page at a time. */
export async function verifyChain(
  db: Db,
  table: ConsultationsTable,
  pageSize = 5000,
): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(table)
      .where(gt(table.id, lastId))
      .orderBy(asc(table.id))
      .limit(pageSize);
    for (const row of page) {
      rows += 1;
      if (row.prevHash !== prevHash || chainHash(prevHash, row) !== row.hash)
        return { rows, ok: false, brokenAt: row.id };
      prevHash = row.hash;
      lastId = row.id;
    }
    if (page.length < pageSize) return { rows, ok: true, brokenAt: null };
  }
}
