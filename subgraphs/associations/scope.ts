import { personScope, type ScopeOf } from '../kit/access.js';
import type { BoardMemberRecord, FounderRecord } from './association.type.js';
import type { Citizen } from './citizen.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/**
 * A founder or board seat is that person's, and the association's commune's file: an agent
 * reaches it only in that commune (communeOnly), wherever the person was born and whatever
 * NIN the agent types; the person reads their own.
 */
export const founderScope: ScopeOf<FounderRecord> = (f) => ({
  nin: f.nin,
  communes: [f.communeCode],
  communeOnly: true,
});

export const seatScope: ScopeOf<BoardMemberRecord> = (m) => ({
  nin: m.nin,
  communes: m.communeCode ? [m.communeCode] : [],
  communeOnly: true,
});
