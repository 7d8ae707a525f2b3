import { personScope, type ScopeOf } from '../kit/access.js';
import type { Citizen } from './citizen.reference.js';
import type { LeaseRecord, NoticeRecord } from './lease.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/**
 * A lease is its commune's business: an agent reaches it only in the commune that signed
 * it, whoever the tenant is and however it was found (communeOnly). Its tenant reads it as
 * their own; a company tenant has no NIN, so no citizen and no consultation log entry.
 */
export const leaseScope: ScopeOf<LeaseRecord> = (l) => ({
  nin: l.tenantNin ?? '',
  communes: [l.communeCode],
  communeOnly: true,
});

export const noticeScope: ScopeOf<NoticeRecord> = (n) => ({
  nin: n.tenantNin ?? '',
  communes: [n.communeCode],
  communeOnly: true,
});
