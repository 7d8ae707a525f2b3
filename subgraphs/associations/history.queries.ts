import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { associations, boardMembers, founders } from '../../db/tables/associations.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/** This subgraph's part of a citizen's history (the associations the citizen founded and the board seats they took), in one statement. */
export function historyOf(db: Db, nin: string, position: HistoryPosition | null, limit: number) {
  return historyRows(
    db,
    'ASSOCIATIONS',
    [
      sql`select ${isoAt(associations.declaredOn, 'date')} as at, 'ASSOCIATION_FOUNDED'::text as kind,
      ${associations.id} as item_id, ${associations.id} as ref,
      'Founded ' || ${associations.name} as title, ${associations.status}::text as status
      from ${founders} join ${associations} on ${associations.id} = ${founders.associationId}
      where ${founders.nin} = ${nin}`,
      sql`select ${isoAt(boardMembers.fromDate, 'date')} as at, 'BOARD_SEAT'::text as kind,
      ${associations.id} as item_id,
      ${associations.id} || '/' || ${boardMembers.board}::text || '/' || ${boardMembers.role} as ref,
      ${boardMembers.role} || ' of ' || ${associations.name} as title,
      case when ${boardMembers.toDate} is null then 'SITTING' else 'ENDED' end as status
      from ${boardMembers} join ${associations} on ${associations.id} = ${boardMembers.associationId}
      where ${boardMembers.nin} = ${nin}`,
    ],
    position,
    limit,
  );
}
