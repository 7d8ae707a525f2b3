import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ownerships, vehicles } from '../../db/tables/vehicles.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (the vehicles the citizen owned or owns, from the day each became theirs), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'VEHICLES',
    [
      sql`select ${isoAt(ownerships.fromDate, 'date')} as at, 'VEHICLE_OWNERSHIP'::text as kind,
      ${ownerships.vin}::text as item_id, ${ownerships.id}::text as ref,
      ${vehicles.make} || ' ' || ${vehicles.model} || ' acquired (' || ${vehicles.plate} || ')' as title,
      case when ${ownerships.toDate} is null then 'OWNED' else 'SOLD' end as status
      from ${ownerships} join ${vehicles} on ${vehicles.vin} = ${ownerships.vin}
      where ${ownerships.ownerNin} = ${nin}`,
    ],
    position,
    limit,
  );
}
