import type { civilActs, marginalNotes } from '../tables/citizens.js';
import type { CitizenSeedRow, SeedCouple } from './citizens.js';
import { SEED_REFERENCE_YEAR } from './citizens.js';
import { NumberedCounters } from './counters.js';
import { addDays, addYears } from './dates.js';

type ActRow = typeof civilActs.$inferInsert;
type NoteRow = typeof marginalNotes.$inferInsert;

const pad = (n: number) => String(n).padStart(6, '0');
const LAST_DAY = `${SEED_REFERENCE_YEAR}-12-31`;
const KINDS = ['B', 'M', 'D'] as const;

/**
 * The civil acts of the seeded registry, consistent with each citizen's status: a birth
 * act for everyone, a marriage act for every couple (and for the married whose spouse is
 * not in the synthetic registry), a death act for the dead, and the marginal notes they
 * write on the birth and marriage acts. Draws no random numbers, so adding acts left the
 * seeded citizens, documents and vehicles as they were.
 */
export class CivilActGenerator {
  /** Per office, year and register: `act:<commune>:<year>:<B|M|D>`, as a number. */
  private readonly serials = new NumberedCounters((key) => {
    const kind = KINDS[key % 4]!;
    const year = Math.floor(key / 4) % 10_000;
    const commune = String(Math.floor(key / 40_000)).padStart(4, '0');
    return `act:${commune}:${year}:${kind}`;
  });
  private readonly birthActOf = new Map<string, string>();
  /** Notes for birth acts not drawn up yet (the person comes in a later batch). */
  private readonly pending = new Map<string, Omit<NoteRow, 'actNumber'>[]>();
  private readonly married = new Set<string>();
  private couples: SeedCouple[] = [];

  /** Counters used, as citizens.serials keys, so that new acts continue after them. */
  get serialsUsed(): ReadonlyMap<string, number> {
    return this.serials.used;
  }

  private number(commune: string, date: string, kind: 'B' | 'M' | 'D'): string {
    const year = Number(date.slice(0, 4));
    const office = commune.length === 4 ? Number(commune) : NaN;
    if (!Number.isInteger(office) || !Number.isInteger(year) || year < 0 || year > 9999)
      throw new Error(`no act number for commune ${commune} on ${date}`);
    const serial = this.serials.next((office * 10_000 + year) * 4 + KINDS.indexOf(kind));
    return `${commune}-${year}-${kind}-${pad(serial)}`;
  }

  private noteOnBirth(nin: string, note: Omit<NoteRow, 'actNumber'>, notes: NoteRow[]) {
    const act = this.birthActOf.get(nin);
    if (act) notes.push({ ...note, actNumber: act });
    else this.pending.set(nin, [...(this.pending.get(nin) ?? []), note]);
  }

  generate(batch: readonly CitizenSeedRow[], couples: readonly SeedCouple[]) {
    const acts: ActRow[] = [];
    const notes: NoteRow[] = [];
    const act = (row: Omit<ActRow, 'number' | 'registeredBy'>, kind: 'B' | 'M' | 'D') => {
      const number = this.number(row.communeCode, row.actDate, kind);
      acts.push({ ...row, number, registeredBy: 'seed' });
      return number;
    };
    for (const c of batch) {
      const birth = act(
        {
          kind: 'BIRTH',
          communeCode: c.birthCommuneCode,
          actDate: c.birthDate,
          eventDate: c.birthDate,
          eventCommuneCode: c.birthCommuneCode,
          subjectNin: c.nin,
        },
        'B',
      );
      this.birthActOf.set(c.nin, birth);
      for (const note of this.pending.get(c.nin) ?? []) notes.push({ ...note, actNumber: birth });
      this.pending.delete(c.nin);
    }
    // A couple's act waits until both spouses are in the registry (a seed cut at `count`
    // may leave one out, and then no act names them).
    this.couples.push(...couples);
    const ready = this.couples.filter(
      (x) => this.birthActOf.has(x.husband.nin) && this.birthActOf.has(x.wife.nin),
    );
    this.couples = this.couples.filter((x) => !ready.includes(x));
    for (const couple of ready) this.marriage(couple, act, notes);
    for (const c of batch) {
      // Married with a spouse outside the synthetic registry: the act names only them.
      if (c.maritalStatus === 'MARRIED' && !c.spouseNin && !this.married.has(c.nin)) {
        const date = clampBefore(addYears(c.birthDate, 24), c.deathDate);
        const number = act(
          {
            kind: 'MARRIAGE',
            communeCode: c.birthCommuneCode,
            actDate: date,
            eventDate: date,
            eventCommuneCode: c.birthCommuneCode,
            subjectNin: c.nin,
            partnerNin: null,
          },
          'M',
        );
        this.married.add(c.nin);
        this.noteOnBirth(
          c.nin,
          {
            kind: 'MARRIAGE',
            sourceActNumber: number,
            text: `Marié(e) le ${date}, acte n° ${number}.`,
            notedOn: date,
          },
          notes,
        );
      }
      if (c.deathDate) {
        const number = act(
          {
            kind: 'DEATH',
            communeCode: c.birthCommuneCode,
            actDate: c.deathDate,
            eventDate: c.deathDate,
            eventCommuneCode: c.birthCommuneCode,
            subjectNin: c.nin,
          },
          'D',
        );
        this.noteOnBirth(
          c.nin,
          {
            kind: 'DEATH',
            sourceActNumber: number,
            text: `Décédé(e) le ${c.deathDate} à la commune ${c.birthCommuneCode}, acte n° ${number}.`,
            notedOn: c.deathDate,
          },
          notes,
        );
      }
    }
    this.forgetSettled();
    return { acts, notes };
  }

  /**
   * Keeps memory bounded by a batch, not the run: a couple reaches this generator with
   * the batch of its first spouse, so after a batch only the spouses still waiting for
   * their partner need their birth act; the married set is only read for the batch that
   * fills it.
   */
  private forgetSettled() {
    const waiting = new Set<string>();
    for (const c of this.couples) waiting.add(c.husband.nin).add(c.wife.nin);
    for (const nin of this.birthActOf.keys()) if (!waiting.has(nin)) this.birthActOf.delete(nin);
    this.married.clear();
  }

  private marriage(
    { husband, wife, divorced }: SeedCouple,
    act: (row: Omit<ActRow, 'number' | 'registeredBy'>, kind: 'B' | 'M' | 'D') => string,
    notes: NoteRow[],
  ) {
    const eldest = husband.birthDate > wife.birthDate ? husband.birthDate : wife.birthDate;
    const firstDeath = [husband.deathDate, wife.deathDate]
      .filter((d): d is string => !!d)
      .sort()[0];
    const date = clampBefore(addDays(addYears(eldest, 19), 30), firstDeath ?? null);
    const number = act(
      {
        kind: 'MARRIAGE',
        communeCode: husband.birthCommuneCode,
        actDate: date,
        eventDate: date,
        eventCommuneCode: husband.birthCommuneCode,
        subjectNin: husband.nin,
        partnerNin: wife.nin,
      },
      'M',
    );
    this.married.add(husband.nin).add(wife.nin);
    for (const [person, spouse] of [
      [husband, wife],
      [wife, husband],
    ] as const) {
      this.noteOnBirth(
        person.nin,
        {
          kind: 'MARRIAGE',
          sourceActNumber: number,
          text: `Marié(e) le ${date} à la commune ${husband.birthCommuneCode} avec ${spouse.givenNameLat} ${spouse.familyNameLat}, acte n° ${number}.`,
          notedOn: date,
        },
        notes,
      );
    }
    if (divorced) {
      const on = clampBefore(addYears(date, 5), null);
      notes.push({
        actNumber: number,
        kind: 'DIVORCE',
        sourceActNumber: null,
        text: `Divorce prononcé par jugement, transcrit le ${on}.`,
        notedOn: on,
      });
    } else if (firstDeath) {
      notes.push({
        actNumber: number,
        kind: 'DEATH',
        sourceActNumber: null,
        text: `Mariage dissous par le décès d'un époux le ${firstDeath}.`,
        notedOn: firstDeath,
      });
    }
  }
}

/** A date no later than the day before `limit` (a death) nor the seed's reference year. */
function clampBefore(date: string, limit: string | null): string {
  let d = date > LAST_DAY ? LAST_DAY : date;
  if (limit && d >= limit) d = addDays(limit, -1);
  return d;
}
