import { MEASURES } from '../../db/tables/hygiene.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { CHECKLISTS, type EstablishmentCategoryName, type ItemResult } from './checklists.js';

export type MeasureName = (typeof MEASURES)[number];

/** Measures that call for a follow-up inspection by a date. */
export const NEEDS_FOLLOW_UP: readonly MeasureName[] = ['FORMAL_NOTICE', 'CLOSURE_PROPOSED'];

/**
 * The checklist answered must be exactly that of the establishment's category: an item of
 * another category is refused by name, and a missing one too.
 */
export function assertChecklist(
  category: EstablishmentCategoryName,
  items: readonly { code: string; result: ItemResult }[],
): void {
  const expected = CHECKLISTS[category];
  const seen = new Set<string>();
  for (const item of items) {
    if (!expected.includes(item.code) || seen.has(item.code)) {
      throw appError(
        ErrorCode.CHECKLIST_ITEM_INVALID,
        seen.has(item.code)
          ? `checklist item ${item.code.slice(0, 40)} is answered twice`
          : `checklist item ${item.code.slice(0, 40)} is not on the ${category} checklist (${expected.join(', ')})`,
        { field: 'items', item: item.code.slice(0, 40) },
      );
    }
    seen.add(item.code);
  }
  const missing = expected.filter((c) => !seen.has(c));
  if (missing.length) {
    throw appError(
      ErrorCode.CHECKLIST_INCOMPLETE,
      `answer every item of the ${category} checklist; missing: ${missing.join(', ')}`,
      { field: 'items', missing },
    );
  }
}

/** The date of an inspection: not in the future; a follow-up date after it when the measure needs one. */
export function assertInspectionDates(
  date: string,
  today: string,
  measure: MeasureName,
  followUpDue: string | null,
): void {
  if (date > today)
    throw badInput(
      ErrorCode.INVALID_DATE,
      `an inspection cannot be dated in the future (${date})`,
      'date',
    );
  if (NEEDS_FOLLOW_UP.includes(measure) && !followUpDue) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `a ${measure} needs followUpDue: the date by which the follow-up inspection takes place`,
      'followUpDue',
    );
  }
  if (followUpDue && followUpDue <= date) {
    throw badInput(
      ErrorCode.INVALID_DATE,
      'followUpDue must come after the inspection date',
      'followUpDue',
    );
  }
}
