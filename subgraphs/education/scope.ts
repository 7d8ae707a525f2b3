import type { RecordScope } from '../../schema/access-decision.js';
import type { Context } from '../kit/context.js';
import type { ScopeOf } from '../kit/access.js';
import type { Citizen } from './citizen.type.js';
import type { EnrolmentRecord } from './enrolment.type.js';

/**
 * How this subgraph's records meet the access decision (see RecordScope): an enrolment is
 * its pupil's, made at its school, and its parents read it.
 */
export const enrolmentScope: ScopeOf<EnrolmentRecord> = (e, ctx) => ({
  nin: e.nin,
  schools: [e.schoolCode],
  guardians: [e.fatherNin, e.motherNin],
  named: ctx.reach.has(e.nin),
  delegated: ctx.reach.delegated,
});

/** A pupil reached through a roster carries the school of that roster. */
export const citizenScope: ScopeOf<Citizen> = (c, ctx) => ({
  nin: c.nin,
  schools: c.schools ?? [],
  named: ctx.reach.has(c.nin),
  delegated: ctx.reach.delegated,
});

/** The scope of a school's records in general (a roster, a new enrolment): whose is unknown yet. */
export const schoolRecordScope = (schoolCode: string, ctx: Context): RecordScope => ({
  nin: '',
  schools: [schoolCode],
  delegated: ctx.reach.delegated,
});
