import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { certificateRequests, civilActs, extracts } from '../../db/tables/citizens.js';
import { historyRows, isoAt, type HistoryPosition } from '../kit/history.js';

/**
 * The registry's part of a citizen's history, in one statement: the civil acts that
 * concern them (dated by the act), the extracts issued to them and their certificate
 * requests.
 */
export function registryHistoryOf(
  db: Db,
  nin: string,
  position: HistoryPosition | null,
  limit: number,
) {
  return historyRows(
    db,
    'CITIZENS',
    [
      sql`select ${isoAt(civilActs.actDate, 'date')} as at, 'CIVIL_ACT'::text as kind,
        ${civilActs.number} as item_id, ${civilActs.number} as ref,
        ${civilActs.kind} || ' act' ||
          case when ${civilActs.corrects} is null then '' else ' (corrects ' || ${civilActs.corrects} || ')' end
          as title,
        null::text as status
        from ${civilActs} where ${civilActs.subjectNin} = ${nin} or ${civilActs.partnerNin} = ${nin}`,
      sql`select ${isoAt(extracts.issuedAt, 'timestamp')} as at, 'BIRTH_EXTRACT'::text as kind,
        ${extracts.code} as item_id, ${extracts.code} as ref,
        'Birth extract issued from act ' || ${extracts.actNumber} as title, null::text as status
        from ${extracts} where ${extracts.nin} = ${nin}`,
      sql`select ${isoAt(certificateRequests.submittedAt, 'timestamp')} as at,
        'CERTIFICATE_REQUEST'::text as kind,
        ${certificateRequests.number} as item_id, ${certificateRequests.number} as ref,
        ${certificateRequests.type} || ' requested (' || ${certificateRequests.channel} || ')' as title,
        ${certificateRequests.status}::text as status
        from ${certificateRequests} where ${certificateRequests.nin} = ${nin}`,
    ],
    position,
    limit,
  );
}
