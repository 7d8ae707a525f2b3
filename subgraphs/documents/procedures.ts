/**
 * The guide of procedures (as on the Berkane kiosk): for each document, the pieces to
 * bring, the fee, the usual delay and where to apply; and the rules the counter applies.
 * Fees are the stamp duties in force as the platform knows them; keep them as data here.
 */
export const DOCUMENT_TYPES = ['PASSPORT', 'NATIONAL_ID_CARD', 'DRIVING_LICENCE'] as const;
export type DocumentTypeName = (typeof DOCUMENT_TYPES)[number];

/** Driving-licence categories and the minimum age for each. */
export const DRIVING_CATEGORIES = {
  A1: 16,
  A: 18,
  B: 18,
  C1: 18,
  C: 21,
  D: 21,
  BE: 18,
  CE: 21,
} as const;
export type DrivingCategoryName = keyof typeof DRIVING_CATEGORIES;

export interface ProcedureData {
  type: DocumentTypeName;
  title: string;
  titleAr: string;
  piecesRequired: string[];
  feeDzd: number;
  /** Usual working days from submission to a document ready for collection. */
  typicalDelayDays: number;
  whereToApply: string;
  /** Minimum age at submission (driving licence: per category, see DRIVING_CATEGORIES). */
  minimumAge: number;
  validityYears: number;
}

export const PROCEDURES: Record<DocumentTypeName, ProcedureData> = {
  PASSPORT: {
    type: 'PASSPORT',
    title: 'Passeport biométrique électronique',
    titleAr: 'جواز السفر البيومتري الإلكتروني',
    piecesRequired: [
      'Application form signed at the counter',
      'Two recent identity photographs (or photo taken at the counter)',
      'Proof of residence under 6 months',
      'Stamp duty receipt',
      'For a minor: parental authorisation signed by the guardian',
      'For a loss or theft: the declaration made to the police or gendarmerie',
    ],
    feeDzd: 6000,
    typicalDelayDays: 15,
    whereToApply:
      'Any commune or annex counter (guichet électronique); the birth certificate is read from the registry',
    minimumAge: 0,
    validityYears: 10,
  },
  NATIONAL_ID_CARD: {
    type: 'NATIONAL_ID_CARD',
    title: "Carte nationale d'identité biométrique électronique (CNIBE)",
    titleAr: 'بطاقة التعريف الوطنية البيومترية الإلكترونية',
    piecesRequired: [
      'Application form signed at the counter',
      'Proof of residence under 6 months',
      'Blood group card',
      'For a loss or theft: the declaration made to the police or gendarmerie',
    ],
    feeDzd: 0,
    typicalDelayDays: 10,
    whereToApply: 'Any commune or annex counter (guichet électronique)',
    minimumAge: 12,
    validityYears: 10,
  },
  DRIVING_LICENCE: {
    type: 'DRIVING_LICENCE',
    title: 'Permis de conduire biométrique électronique',
    titleAr: 'رخصة السياقة البيومترية الإلكترونية',
    piecesRequired: [
      'Application form signed at the counter',
      'Certificate of success in the driving test (or the current licence for a renewal)',
      'Medical certificate (general and ophthalmological)',
      'Blood group card',
      'Stamp duty receipt',
    ],
    feeDzd: 1500,
    typicalDelayDays: 20,
    whereToApply: 'The counter of the commune of residence',
    minimumAge: 16,
    validityYears: 10,
  },
};

export function minimumAge(type: DocumentTypeName, categories: readonly string[]): number {
  if (type !== 'DRIVING_LICENCE') return PROCEDURES[type].minimumAge;
  return Math.max(...categories.map((c) => DRIVING_CATEGORIES[c as DrivingCategoryName] ?? 99));
}

/** Whole years between two ISO dates. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const monthDay = isoDate.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}${monthDay === '-02-29' && !leap ? '-02-28' : monthDay}`;
}
