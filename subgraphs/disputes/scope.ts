import { personScope, type ScopeOf } from '../kit/access.js';
import type { CaseRecord } from './case.type.js';
import type { Citizen } from './citizen.reference.js';

export const citizenScope: ScopeOf<Citizen> = personScope;

/**
 * A case is its commune's business: an agent reaches it only in the commune that is a
 * party (communeOnly); Justice, with national reach, reads any for its proceedings. A
 * citizen who is the opposing party reads it as their own.
 */
export const caseScope: ScopeOf<CaseRecord> = (c) => ({
  nin: c.partyNin ?? '',
  communes: [c.communeCode],
  communeOnly: true,
});
