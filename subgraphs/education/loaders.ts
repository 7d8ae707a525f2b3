import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey } from '../kit/batch.js';
import { pagePerParentLoader } from '../kit/page-per-parent.js';
import type { Page } from '../kit/pagination.js';
import {
  enrolmentsByIds,
  enrolmentsOfPupils,
  enrolmentsOfSchools,
  schoolsByCodes,
  schoolsOfCommunes,
  yearsByCodes,
} from './queries.js';
import type { EnrolmentRecord } from './enrolment.type.js';
import type { AcademicYear, SchoolRecord } from './school.type.js';

/** One loader set per request: each batch is one SQL statement. */
export function createLoaders(db: Db) {
  // School rosters are paged per (school, year): the year joins the page's shape.
  const rosterPages = new Map<string, ReturnType<typeof rosterLoader>>();
  const rosterLoader = (year: string) =>
    pagePerParentLoader(
      (codes, page: Page) => enrolmentsOfSchools(db, codes, year, page),
      (e: EnrolmentRecord) => e.schoolCode,
    );
  return {
    schoolByCode: new DataLoader<string, SchoolRecord | null>(async (codes) =>
      byKey(codes, await schoolsByCodes(db, codes), (s) => s.code),
    ),
    yearByCode: new DataLoader<string, AcademicYear | null>(async (codes) =>
      byKey(codes, await yearsByCodes(db, codes), (y) => y.code),
    ),
    enrolmentById: new DataLoader<number, EnrolmentRecord | null>(async (ids) =>
      byKey(ids, await enrolmentsByIds(db, ids), (e) => e.id),
    ),
    schoolsByCommune: pagePerParentLoader(
      (codes, page) => schoolsOfCommunes(db, codes, page),
      (s) => s.communeCode,
    ),
    enrolmentsByPupil: pagePerParentLoader(
      (nins, page) => enrolmentsOfPupils(db, nins, page),
      (e) => e.nin,
    ),
    enrolmentsBySchool(year: string) {
      let loader = rosterPages.get(year);
      if (!loader) rosterPages.set(year, (loader = rosterLoader(year)));
      return loader;
    },
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
