import type { CASE_STATUSES, COURT_LEVELS } from '../../db/tables/disputes.js';

/**
 * The life of a case as data (pure, testable without a database): which status may follow
 * which, how a status is reached, and the appeal deadline each level leaves.
 */
export type CaseStatusName = (typeof CASE_STATUSES)[number];
export type CourtLevelName = (typeof COURT_LEVELS)[number];

export const TRANSITIONS: Record<CaseStatusName, readonly CaseStatusName[]> = {
  OPEN: ['JUDGED', 'SETTLED', 'WITHDRAWN'],
  JUDGED: ['APPEALED', 'CLOSED'],
  APPEALED: ['JUDGED', 'SETTLED', 'WITHDRAWN'],
  CLOSED: [],
  SETTLED: [],
  WITHDRAWN: [],
};

/** Statuses a case reaches only by recording a judgment (after a hearing at its level). */
export const BY_JUDGMENT_ONLY: readonly CaseStatusName[] = ['JUDGED'];

/** Statuses in which the court still hears the case. */
export const BEFORE_THE_COURT: readonly CaseStatusName[] = ['OPEN', 'APPEALED'];

/** Days to appeal a judgment at each level (civil and administrative procedure), and where an appeal goes. */
export const APPEAL: Record<CourtLevelName, { days: number; to: CourtLevelName } | null> = {
  FIRST_INSTANCE: { days: 30, to: 'APPEAL' },
  APPEAL: { days: 60, to: 'COUNCIL_OF_STATE' },
  COUNCIL_OF_STATE: null,
};

export const mayMove = (from: CaseStatusName, to: CaseStatusName) => TRANSITIONS[from].includes(to);

/** The last day to appeal a judgment given on this date at this level; null when none lies. */
export function appealDeadline(level: CourtLevelName, judgmentDate: string | null): string | null {
  const rule = APPEAL[level];
  if (!rule || !judgmentDate) return null;
  return new Date(Date.parse(judgmentDate) + rule.days * 86_400_000).toISOString().slice(0, 10);
}
