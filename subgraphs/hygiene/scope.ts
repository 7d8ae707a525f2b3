import { personScope, type ScopeOf } from '../kit/access.js';
import type { Citizen } from './citizen.type.js';
import type { EstablishmentRecord } from './establishment.type.js';
import type { RequestRecord } from './request.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/**
 * A request is its requester's, and its commune's: an agent of the hygiene office reaches the
 * requests of its own commune only (communeOnly), even when it types another commune's
 * number, or the requester was born in the agent's commune. A kiosk request has no NIN: only
 * its commune places it.
 */
export const requestScope: ScopeOf<RequestRecord> = (r) => ({
  nin: r.requesterNin,
  communes: [r.communeCode],
  communeOnly: true,
});

/** An establishment's operator, as a person, for the office of the establishment's commune only. */
export const operatorScope: ScopeOf<EstablishmentRecord> = (e) => ({
  nin: e.operatorNin,
  communes: [e.communeCode],
  communeOnly: true,
});
