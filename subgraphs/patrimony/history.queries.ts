import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { leases } from '../../db/tables/patrimony.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (the leases of the commune's assets the citizen holds or held), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'PATRIMONY',
    [
      sql`select ${isoAt(leases.startDate, 'date')} as at, 'LEASE'::text as kind,
      ${leases.number} as item_id, ${leases.number} as ref,
      'Lease of asset ' || ${leases.assetInventoryNumber} as title, ${leases.status}::text as status
      from ${leases} where ${leases.tenantNin} = ${nin}`,
    ],
    position,
    limit,
  );
}
