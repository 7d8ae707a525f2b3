import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cases } from '../../db/tables/disputes.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (the cases in which a commune and the citizen are opposed), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'DISPUTES',
    [
      sql`select ${isoAt(cases.openedOn, 'date')} as at, 'CASE'::text as kind,
      ${cases.number} as item_id, ${cases.number} as ref,
      ${cases.subject} || ' case before ' || ${cases.court} as title, ${cases.status}::text as status
      from ${cases} where ${cases.partyNin} = ${nin}`,
    ],
    position,
    limit,
  );
}
