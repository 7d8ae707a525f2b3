import { makeNin, ninPrefix, type NinSex } from '../../schema/nin.js';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN, type Name } from './names.js';
import { NumberedCounters } from './counters.js';
import { DAY_MS, isoOfDay } from './dates.js';
import { Random } from './random.js';

export interface CitizenSeedRow {
  nin: string;
  givenNameAr: string;
  familyNameAr: string;
  givenNameLat: string;
  familyNameLat: string;
  sex: NinSex;
  birthDate: string;
  birthCommuneCode: string;
  fatherNin: string | null;
  motherNin: string | null;
  maritalStatus: 'SINGLE' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
  deathDate: string | null;
  /** The current spouse while MARRIED and both are in the registry. */
  spouseNin: string | null;
}

/** Two seeded citizens married to each other (possibly since widowed or divorced). */
export interface SeedCouple {
  husband: CitizenSeedRow;
  wife: CitizenSeedRow;
  divorced: boolean;
}

/** Seeded data describes the registry as of this date, so it never depends on the clock. */
export const SEED_REFERENCE_YEAR = 2025;

export interface CitizenGeneratorOptions {
  seed: number;
  count: number;
  /** Official commune codes ("1601", …) to draw birth places from. */
  communeCodes: readonly string[];
}

function dateInYear(rng: Random, year: number): string {
  const start = Date.UTC(year, 0, 1) / DAY_MS;
  const days = Date.UTC(year + 1, 0, 1) / DAY_MS - start;
  return isoOfDay(start + rng.int(0, days - 1));
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/**
 * Families over three generations: a couple, their children, and the children of some of
 * their married sons. Parents always come before their children, so any prefix of the
 * output is consistent (no NIN points at a citizen who is not there).
 */
export class CitizenGenerator {
  private readonly rng: Random;
  /** Per NIN prefix (9 digits, the first 1 or 2: the number's own digits). */
  private readonly serials = new NumberedCounters(String);
  private readonly byWilaya = new Map<string, string[]>();
  private readonly couples: SeedCouple[] = [];

  constructor(private readonly options: CitizenGeneratorOptions) {
    if (options.communeCodes.length === 0) throw new Error('no communes to seed citizens into');
    this.rng = new Random(options.seed);
    for (const code of options.communeCodes) {
      const w = code.slice(0, 2);
      const list = this.byWilaya.get(w) ?? [];
      list.push(code);
      this.byWilaya.set(w, list);
    }
  }

  /** Serials used so far per NIN prefix, to store so that new births continue after them. */
  get serialsUsed(): ReadonlyMap<string, number> {
    return this.serials.used;
  }

  /** Yields the citizens in batches of at most `batchSize`, exactly `count` in all. */
  *batches(batchSize = 2000): Generator<CitizenSeedRow[]> {
    let produced = 0;
    let batch: CitizenSeedRow[] = [];
    while (produced < this.options.count) {
      for (const row of this.family()) {
        if (produced >= this.options.count) break;
        batch.push(row);
        produced += 1;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  all(): CitizenSeedRow[] {
    return [...this.batches()].flat();
  }

  private nin(sex: NinSex, birthDate: string, commune: string): string {
    const prefix = ninPrefix(sex, yearOf(birthDate), commune);
    return makeNin(prefix, this.serials.next(Number(prefix)));
  }

  private near(home: string): string {
    const rng = this.rng;
    if (rng.chance(0.75)) return home;
    const sameWilaya = this.byWilaya.get(home.slice(0, 2));
    return rng.chance(0.8) && sameWilaya
      ? rng.pick(sameWilaya)
      : rng.pick(this.options.communeCodes);
  }

  private person(
    sex: NinSex,
    family: Name,
    birthYear: number,
    commune: string,
    father: CitizenSeedRow | null,
    mother: CitizenSeedRow | null,
  ): CitizenSeedRow {
    const given = this.rng.pick(sex === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN);
    const birthDate = dateInYear(this.rng, birthYear);
    const age = SEED_REFERENCE_YEAR - birthYear;
    const deathChance = age > 80 ? 0.6 : age > 65 ? 0.25 : age > 40 ? 0.03 : 0.005;
    const deathDate = this.rng.chance(deathChance)
      ? dateInYear(
          this.rng,
          this.rng.int(
            Math.min(birthYear + (age > 65 ? 55 : 1), SEED_REFERENCE_YEAR),
            SEED_REFERENCE_YEAR,
          ),
        )
      : null;
    return {
      nin: this.nin(sex, birthDate, commune),
      givenNameAr: given[0],
      givenNameLat: given[1],
      familyNameAr: family[0],
      familyNameLat: family[1],
      sex,
      birthDate,
      birthCommuneCode: commune,
      fatherNin: father?.nin ?? null,
      motherNin: mother?.nin ?? null,
      maritalStatus: 'SINGLE',
      deathDate: deathDate && deathDate > birthDate ? deathDate : null,
      spouseNin: null,
    };
  }

  private marry(a: CitizenSeedRow, b: CitizenSeedRow): void {
    const divorced = !a.deathDate && !b.deathDate && this.rng.chance(0.07);
    a.maritalStatus = divorced ? 'DIVORCED' : b.deathDate ? 'WIDOWED' : 'MARRIED';
    b.maritalStatus = divorced ? 'DIVORCED' : a.deathDate ? 'WIDOWED' : 'MARRIED';
    if (a.maritalStatus === 'MARRIED' && b.maritalStatus === 'MARRIED') {
      a.spouseNin = b.nin;
      b.spouseNin = a.nin;
    }
    this.couples.push({ husband: a, wife: b, divorced });
  }

  /** The couples formed since the last call (their marriage acts are drawn from them). */
  takeCouples(): SeedCouple[] {
    return this.couples.splice(0);
  }

  private children(
    father: CitizenSeedRow,
    mother: CitizenSeedRow,
    home: string,
    max: number,
  ): CitizenSeedRow[] {
    const rng = this.rng;
    const motherYear = yearOf(mother.birthDate);
    const lastYear = Math.min(
      SEED_REFERENCE_YEAR,
      motherYear + 44,
      mother.deathDate ? yearOf(mother.deathDate) : SEED_REFERENCE_YEAR,
      father.deathDate ? yearOf(father.deathDate) + 1 : SEED_REFERENCE_YEAR,
    );
    const firstYear = motherYear + 19;
    if (lastYear < firstYear) return [];
    const years = Array.from({ length: rng.int(0, max) }, () => rng.int(firstYear, lastYear)).sort(
      (x, y) => x - y,
    );
    const family: Name = [father.familyNameAr, father.familyNameLat];
    return years.map((year) => {
      const child = this.person(
        rng.chance(0.5) ? 'MALE' : 'FEMALE',
        family,
        year,
        this.near(home),
        father,
        mother,
      );
      if (SEED_REFERENCE_YEAR - year >= 22 && rng.chance(0.6)) child.maritalStatus = 'MARRIED';
      return child;
    });
  }

  private family(): CitizenSeedRow[] {
    const rng = this.rng;
    const home = rng.pick(this.options.communeCodes);
    const fatherYear = rng.int(1938, 1988);
    const father = this.person('MALE', rng.pick(FAMILY), fatherYear, this.near(home), null, null);
    const mother = this.person(
      'FEMALE',
      rng.pick(FAMILY),
      fatherYear + rng.int(-1, 9),
      this.near(home),
      null,
      null,
    );
    this.marry(father, mother);
    const out = [father, mother];
    for (const child of this.children(father, mother, home, 6)) {
      out.push(child);
      const age = SEED_REFERENCE_YEAR - yearOf(child.birthDate);
      if (
        child.sex === 'MALE' &&
        child.maritalStatus === 'MARRIED' &&
        age >= 25 &&
        rng.chance(0.5)
      ) {
        const wifeYear = yearOf(child.birthDate) + rng.int(-1, 8);
        const wife = this.person('FEMALE', rng.pick(FAMILY), wifeYear, this.near(home), null, null);
        this.marry(child, wife);
        out.push(wife, ...this.children(child, wife, home, 4));
      }
    }
    return out;
  }
}
