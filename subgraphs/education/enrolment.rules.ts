import { GRADES, SCHOOL_LEVELS } from '../../db/tables/education.js';

/**
 * The school system's rules, as data: which grades each level teaches, the age a grade
 * expects, and how a row of a bulk enrolment is judged. Pure functions, no database.
 */
export type Grade = (typeof GRADES)[number];
export type Level = (typeof SCHOOL_LEVELS)[number];

export const GRADES_OF_LEVEL: Record<Level, readonly Grade[]> = {
  PRIMARY: ['1AP', '2AP', '3AP', '4AP', '5AP'],
  MIDDLE: ['1AM', '2AM', '3AM', '4AM'],
  SECONDARY: ['1AS', '2AS', '3AS'],
};

/** A child enters 1AP in the calendar year they turn 6; each grade adds a year. */
export const ENTRY_AGE = 6;
/** Usual tolerance: one year early (a derogation), three late (repeated years). */
export const AGE_TOLERANCE = { early: 1, late: 3 } as const;
/** Compulsory schooling (Law 08-04): from 6 to 16. */
export const COMPULSORY_AGE = { from: 6, to: 16 } as const;
export const MAX_BULK_ROWS = 500;

export const expectedAge = (grade: Grade) => ENTRY_AGE + GRADES.indexOf(grade);

/** The age that counts for a school year: reached in the calendar year it starts. */
export const ageForYear = (birthDate: string, yearCode: string) =>
  Number(yearCode.slice(0, 4)) - Number(birthDate.slice(0, 4));

export function ageFits(grade: Grade, age: number): boolean {
  const expected = expectedAge(grade);
  return age >= expected - AGE_TOLERANCE.early && age <= expected + AGE_TOLERANCE.late;
}

export const isGrade = (value: string): value is Grade =>
  (GRADES as readonly string[]).includes(value);

export const teaches = (level: Level, grade: Grade) => GRADES_OF_LEVEL[level].includes(grade);

/** A class section: one to three letters or digits ("A", "B2"), as schools name them. */
export const SECTION_PATTERN = /^[A-Z0-9]{1,3}$/;
/** A school year: "2026-2027", the second year following the first. */
export const YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
export const isYearCode = (value: string) => {
  const m = YEAR_PATTERN.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
};
export const SCHOOL_CODE_PATTERN = /^\d{6}$/;

/** What the registry said about one pupil (null: no such citizen, or not visible). */
export interface RegistryPupil {
  nin: string;
  birthDate: string;
  deathDate: string | null;
  fatherNin: string | null;
  motherNin: string | null;
}

export type RowVerdict =
  | { ok: true }
  | {
      ok: false;
      code:
        | 'INVALID_NIN'
        | 'INVALID_GRADE'
        | 'INVALID_SECTION'
        | 'DUPLICATE_ROW'
        | 'GRADE_NOT_TAUGHT'
        | 'CITIZEN_NOT_FOUND'
        | 'CITIZEN_DECEASED'
        | 'AGE_OUT_OF_RANGE';
      message: string;
    };

/** Judges one row against the school and the registry's answer (the row is well-formed). */
export function judgeRow(
  row: { nin: string; grade: Grade },
  school: { level: Level },
  year: string,
  pupil: RegistryPupil | null,
): RowVerdict {
  if (!teaches(school.level, row.grade))
    return {
      ok: false,
      code: 'GRADE_NOT_TAUGHT',
      message: `a ${school.level.toLowerCase()} school teaches ${GRADES_OF_LEVEL[school.level].join(', ')}, not ${row.grade}`,
    };
  if (!pupil)
    return {
      ok: false,
      code: 'CITIZEN_NOT_FOUND',
      message: `no citizen with NIN ${row.nin} in the civil registry`,
    };
  if (pupil.deathDate)
    return {
      ok: false,
      code: 'CITIZEN_DECEASED',
      message: 'the civil registry records this pupil as deceased',
    };
  const age = ageForYear(pupil.birthDate, year);
  if (!ageFits(row.grade, age)) {
    const e = expectedAge(row.grade);
    return {
      ok: false,
      code: 'AGE_OUT_OF_RANGE',
      message: `${row.grade} takes pupils aged ${e - AGE_TOLERANCE.early} to ${e + AGE_TOLERANCE.late} in ${year}; this pupil is ${age}`,
    };
  }
  return { ok: true };
}
