import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { requests } from '../../db/tables/hygiene.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (the requests the citizen filed with the hygiene office), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'HYGIENE',
    [
      sql`select ${isoAt(requests.filedAt, 'timestamp')} as at, 'HYGIENE_REQUEST'::text as kind,
      ${requests.number} as item_id, ${requests.number} as ref,
      ${requests.category} || ' request: ' || ${requests.place} as title,
      ${requests.status}::text as status
      from ${requests} where ${requests.requesterNin} = ${nin}`,
    ],
    position,
    limit,
  );
}
