import { personScope, type ScopeOf } from '../kit/access.js';
import type { BoardMemberRecord, FounderRecord } from './association.type.js';
import type { Citizen } from './citizen.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/** A founder or board seat is that person's, and the association's commune's. */
export const founderScope: ScopeOf<FounderRecord> = (f) => ({
  nin: f.nin,
  communes: [f.communeCode],
  named: false,
});

export const seatScope: ScopeOf<BoardMemberRecord> = (m, ctx) => ({
  nin: m.nin,
  communes: m.communeCode ? [m.communeCode] : [],
  named: ctx.reach.has(m.nin),
});
