import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, documents } from '../../db/tables/documents.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (documents issued to the citizen and the applications they made), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'DOCUMENTS',
    [
      sql`select ${isoAt(documents.issueDate, 'date')} as at, 'DOCUMENT'::text as kind,
      ${documents.number} as item_id, ${documents.number} as ref,
      ${documents.type} || ' issued' as title, ${documents.status}::text as status
      from ${documents} where ${documents.holderNin} = ${nin}`,
      sql`select ${isoAt(applications.submittedAt, 'timestamp')} as at, 'APPLICATION'::text as kind,
      ${applications.number} as item_id, ${applications.number} as ref,
      ${applications.type} || ' application (' || ${applications.reason} || ')' as title,
      ${applications.status}::text as status
      from ${applications} where ${applications.nin} = ${nin}`,
    ],
    position,
    limit,
  );
}
