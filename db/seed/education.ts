import { asc } from 'drizzle-orm';
import type { Db } from '../client.js';
import { communes } from '../tables/communes.js';
import { GRADES, academicYears, enrolments, schools } from '../tables/education.js';
import { Random } from './random.js';
import { insertSink, type RowSink } from './sink.js';

/**
 * Schools and enrolments for the seeded registry. Schools: every commune gets its primary
 * schools in proportion to its children of primary age (about 250 pupils a school, which
 * gives the country's ~18,000 primary schools at full scale), and middle and secondary
 * schools where it has children of that age. Enrolments: the children alive and of school
 * age, in a school of their birth commune (the registry knows no residence), for the
 * current year (2025-2026, ENROLLED) and the one before (COMPLETED, with its result).
 * Reproducible: the same registry and seed give the same schools and enrolments.
 */
export const ACADEMIC_YEARS = [
  { code: '2024-2025', startDate: '2024-09-22', endDate: '2025-06-30' },
  { code: '2025-2026', startDate: '2025-09-21', endDate: '2026-06-30' },
  { code: '2026-2027', startDate: '2026-09-20', endDate: '2027-06-30' },
] as const;
export const CURRENT_YEAR = ACADEMIC_YEARS[1];
const PREVIOUS_YEAR = ACADEMIC_YEARS[0];

type Level = 'PRIMARY' | 'MIDDLE' | 'SECONDARY';
const LEVELS: { level: Level; ages: [number, number]; perSchool: number }[] = [
  { level: 'PRIMARY', ages: [6, 10], perSchool: 250 },
  { level: 'MIDDLE', ages: [11, 14], perSchool: 450 },
  { level: 'SECONDARY', ages: [15, 17], perSchool: 600 },
];
const NAMES: Record<Level, [string, string]> = {
  PRIMARY: ['المدرسة الابتدائية رقم', 'École primaire n°'],
  MIDDLE: ['المتوسطة رقم', 'CEM n°'],
  SECONDARY: ['الثانوية رقم', 'Lycée n°'],
};
/** Share of children of school age the seed leaves without an enrolment (dropouts, abroad…). */
const UNENROLLED_SHARE = 0.05;
const MAX_SCHOOLS_PER_COMMUNE = 99;
const CHUNK = 1000;

const levelOfGrade = (index: number): Level =>
  index < 5 ? 'PRIMARY' : index < 9 ? 'MIDDLE' : 'SECONDARY';

/** What the schools need of a citizen of school age. */
export interface Child {
  nin: string;
  birthDate: string;
  birthCommuneCode: string;
  fatherNin: string | null;
  motherNin: string | null;
}

const FIRST_YEAR = Number(CURRENT_YEAR.code.slice(0, 4));
/** Born in these years (bounds included) and alive: of school age in the current year. */
const OLDEST = `${FIRST_YEAR - 17}-01-01`;
const YOUNGEST = `${FIRST_YEAR - 6}-12-31`;

/**
 * Keeps the citizens the schools take, as the seed generates them, in NIN order once it
 * is done (the order the enrolments are drawn in): the schools follow the registry
 * without reading back what was just written.
 */
export class SchoolChildren {
  private readonly children: Child[] = [];

  offer(c: Child & { deathDate: string | null }): void {
    if (c.deathDate || c.birthDate < OLDEST || c.birthDate > YOUNGEST) return;
    this.children.push({
      nin: c.nin,
      birthDate: c.birthDate,
      birthCommuneCode: c.birthCommuneCode,
      fatherNin: c.fatherNin,
      motherNin: c.motherNin,
    });
  }

  /** Ordered by NIN (byte order, as the database's "C" collation sorts them). */
  inNinOrder(): readonly Child[] {
    return this.children.sort((a, b) => (a.nin < b.nin ? -1 : a.nin > b.nin ? 1 : 0));
  }
}

export async function seedEducation(
  db: Db,
  seed: number,
  children: readonly Child[],
  sink: RowSink = insertSink(db),
): Promise<{ schools: number; enrolments: number }> {
  const rng = new Random(seed ^ 0x5c0001);
  const start = FIRST_YEAR;
  // Children per commune and level, from the registry just seeded.
  const counts = new Map<string, Record<Level, number>>();
  for (const c of children) {
    const age = start - Number(c.birthDate.slice(0, 4));
    const level = LEVELS.find((l) => age >= l.ages[0] && age <= l.ages[1])!.level;
    const row = counts.get(c.birthCommuneCode) ?? { PRIMARY: 0, MIDDLE: 0, SECONDARY: 0 };
    row[level] += 1;
    counts.set(c.birthCommuneCode, row);
  }

  const communeRows = await db
    .select({
      code: communes.code,
      nameAr: communes.nameAr,
      nameFr: communes.nameFr,
      postalCode: communes.postalCode,
    })
    .from(communes)
    .orderBy(asc(communes.code));
  const schoolRows: (typeof schools.$inferInsert)[] = [];
  const byCommuneLevel = new Map<string, string[]>();
  const byWilayaLevel = new Map<string, string[]>();
  for (const c of communeRows) {
    const kids = counts.get(c.code) ?? { PRIMARY: 0, MIDDLE: 0, SECONDARY: 0 };
    let serial = 0;
    for (const { level, perSchool } of LEVELS) {
      const n =
        level === 'PRIMARY'
          ? Math.max(1, Math.round(kids[level] / perSchool))
          : kids[level] > 0
            ? Math.max(1, Math.round(kids[level] / perSchool))
            : 0;
      for (let k = 1; k <= n && serial < MAX_SCHOOLS_PER_COMMUNE; k += 1) {
        serial += 1;
        const code = `${c.code}${String(serial).padStart(2, '0')}`;
        const expected = Math.max(1, kids[level] / n);
        schoolRows.push({
          code,
          nameAr: `${NAMES[level][0]} ${k} ${c.nameAr}`,
          nameFr: `${NAMES[level][1]}${k} ${c.nameFr}`,
          level,
          sector: rng.chance(0.05) ? 'PRIVATE' : 'PUBLIC',
          communeCode: c.code,
          address:
            `${rng.int(1, 120)} rue ${rng.pick(['du 1er Novembre', 'Didouche Mourad', 'Larbi Ben M’hidi', 'Emir Abdelkader', 'des Martyrs'])}, ${c.postalCode ?? ''} ${c.nameFr}`.trim(),
          // Around the pupils it is meant for, so that some schools run over capacity.
          capacity: Math.max(20, Math.round(expected * (0.85 + rng.next() * 0.45))),
          status: 'OPEN',
        });
        const key = `${c.code}|${level}`;
        byCommuneLevel.set(key, [...(byCommuneLevel.get(key) ?? []), code]);
        const wkey = `${c.code.slice(0, 2)}|${level}`;
        byWilayaLevel.set(wkey, [...(byWilayaLevel.get(wkey) ?? []), code]);
      }
    }
  }
  await db
    .insert(academicYears)
    .values([...ACADEMIC_YEARS])
    .onConflictDoNothing();
  await sink.write(schools, schoolRows);

  let enrolled = 0;
  const schoolFor = (commune: string, level: Level) => {
    const local =
      byCommuneLevel.get(`${commune}|${level}`) ??
      byWilayaLevel.get(`${commune.slice(0, 2)}|${level}`);
    return local ? rng.pick(local) : null;
  };
  for (let from = 0; from < children.length; from += CHUNK) {
    const rows: (typeof enrolments.$inferInsert)[] = [];
    for (const c of children.slice(from, from + CHUNK)) {
      if (rng.chance(UNENROLLED_SHARE)) continue;
      const age = start - Number(c.birthDate.slice(0, 4));
      // One pupil in ten is a year behind (a repeated year).
      const behind = age > 6 && rng.chance(0.1) ? 1 : 0;
      const index = Math.min(age - 6 - behind, GRADES.length - 1);
      const grade = GRADES[index]!;
      const school = schoolFor(c.birthCommuneCode, levelOfGrade(index));
      if (!school) continue;
      const section = rng.pick(['A', 'B', 'C']);
      const parents = { fatherNin: c.fatherNin, motherNin: c.motherNin };
      rows.push({
        nin: c.nin,
        schoolCode: school,
        year: CURRENT_YEAR.code,
        grade,
        section,
        startDate: CURRENT_YEAR.startDate,
        status: 'ENROLLED',
        ...parents,
      });
      // Last year, in the same school: the grade below (promoted), or this grade (repeats).
      const last = behind ? index : index - 1;
      if (age > 6 && last >= 0 && levelOfGrade(last) === levelOfGrade(index)) {
        const average = behind ? 6 + rng.next() * 3.99 : 10 + rng.next() * 8;
        rows.push({
          nin: c.nin,
          schoolCode: school,
          year: PREVIOUS_YEAR.code,
          grade: GRADES[last]!,
          section,
          startDate: PREVIOUS_YEAR.startDate,
          endDate: PREVIOUS_YEAR.endDate,
          status: 'COMPLETED',
          average: Math.round(average * 100) / 100,
          decision: behind ? 'REPEATS' : 'PROMOTED',
          ...parents,
        });
      }
    }
    await sink.write(enrolments, rows);
    enrolled += rows.length;
  }
  return { schools: schoolRows.length, enrolments: enrolled };
}
