import { ESTABLISHMENT_CATEGORIES } from '../../db/tables/hygiene.js';

export { ESTABLISHMENT_CATEGORIES };
/**
 * The inspection checklist of each establishment category, as data: the items every
 * establishment is checked on, then those of its trade. An inspection answers each item of
 * its establishment's category, and only those.
 */
export type EstablishmentCategoryName = (typeof ESTABLISHMENT_CATEGORIES)[number];

const COMMON = [
  'PREMISES_CLEAN',
  'DRINKING_WATER',
  'WASTE_DISPOSAL',
  'PEST_CONTROL',
  'STAFF_HEALTH_CERTIFICATES',
] as const;

const FOOD = ['COLD_CHAIN', 'FOOD_STORAGE', 'HAND_WASHING'] as const;

export const CHECKLISTS: Record<EstablishmentCategoryName, readonly string[]> = {
  BAKERY: [...COMMON, 'HAND_WASHING', 'FLOUR_STORAGE', 'OVEN_AREA_CLEAN'],
  BUTCHER: [...COMMON, ...FOOD, 'VETERINARY_STAMP', 'CUTTING_TOOLS_CLEAN'],
  RESTAURANT: [...COMMON, ...FOOD, 'KITCHEN_CLEAN', 'TOILETS_CLEAN'],
  CAFE: [...COMMON, 'HAND_WASHING', 'DISHWASHING', 'TOILETS_CLEAN'],
  GROCERY: [...COMMON, 'COLD_CHAIN', 'FOOD_STORAGE', 'EXPIRY_DATES'],
  HAMMAM: [...COMMON, 'WATER_TEMPERATURE', 'FLOOR_DISINFECTION', 'VENTILATION'],
  SCHOOL_CANTEEN: [...COMMON, ...FOOD, 'MENU_DISPLAYED', 'MEAL_SAMPLES_KEPT'],
};

/** The longest checklist: the bound of an inspection's list of results. */
export const MAX_CHECKLIST = Math.max(...Object.values(CHECKLISTS).map((c) => c.length));

export type ItemResult = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/** Items answered COMPLIANT, over those that apply, in percent (100 when none applies). */
export function scoreOf(items: readonly { result: ItemResult }[]): number {
  const applicable = items.filter((i) => i.result !== 'NOT_APPLICABLE');
  if (applicable.length === 0) return 100;
  const ok = applicable.filter((i) => i.result === 'COMPLIANT').length;
  return Math.round((100 * ok) / applicable.length);
}

/** An establishment's standing from its last score. */
export function standingOf(score: number | null): 'UNRATED' | 'GOOD' | 'FAIR' | 'POOR' {
  if (score === null) return 'UNRATED';
  if (score >= 80) return 'GOOD';
  if (score >= 50) return 'FAIR';
  return 'POOR';
}
