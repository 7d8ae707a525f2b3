import { and, asc, eq, inArray, notExists, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import {
  citizens,
  civilActs,
  extractRevocations,
  extracts,
  idempotencyKeys,
  marginalNotes,
  serials,
  type CivilActKind,
} from '../../db/tables/citizens.js';
import { idempotent, type IdempotentRequest } from '../kit/idempotency.js';
import type { CitizenRecord } from './citizen.type.js';
import { actNumber, actSerialKey, type ActFacts } from './civil-act.rules.js';
import { citizenColumns } from './queries.js';

export type CivilActRow = typeof civilActs.$inferSelect;
export type MarginalNoteRow = typeof marginalNotes.$inferSelect;

/** Every act that concerns any of these persons, oldest event first. */
export async function actsConcerning(db: Db, nins: readonly string[]): Promise<CivilActRow[]> {
  if (nins.length === 0) return [];
  const list = [...nins];
  return db
    .select()
    .from(civilActs)
    .where(or(inArray(civilActs.subjectNin, list), inArray(civilActs.partnerNin, list)))
    .orderBy(asc(civilActs.eventDate), asc(civilActs.createdAt), asc(civilActs.number));
}

export async function actsByNumbers(db: Db, numbers: readonly string[]): Promise<CivilActRow[]> {
  if (numbers.length === 0) return [];
  return db
    .select()
    .from(civilActs)
    .where(inArray(civilActs.number, [...numbers]));
}

/** The acts that correct any of these acts. */
export async function correctionsOf(db: Db, numbers: readonly string[]): Promise<CivilActRow[]> {
  if (numbers.length === 0) return [];
  return db
    .select()
    .from(civilActs)
    .where(inArray(civilActs.corrects, [...numbers]));
}

export async function notesOn(db: Db, numbers: readonly string[]): Promise<MarginalNoteRow[]> {
  if (numbers.length === 0) return [];
  return db
    .select()
    .from(marginalNotes)
    .where(inArray(marginalNotes.actNumber, [...numbers]))
    .orderBy(asc(marginalNotes.id));
}

/** The birth act of a person (births are not corrected here, so there is one). */
export async function birthActOf(db: Db | Tx, nin: string): Promise<CivilActRow | null> {
  const [row] = await db
    .select()
    .from(civilActs)
    .where(and(eq(civilActs.kind, 'BIRTH'), eq(civilActs.subjectNin, nin)))
    .limit(1);
  return row ?? null;
}

/** Locks the persons' registry rows for the transaction (NIN order: no deadlock) and reads them. */
async function lockPersons(tx: Tx, nins: string[]): Promise<Map<string, CitizenRecord>> {
  const rows = await tx
    .select(citizenColumns)
    .from(citizens)
    .where(inArray(citizens.nin, [...new Set(nins)].sort()))
    .orderBy(asc(citizens.nin))
    .for('update');
  return new Map(rows.map((r) => [r.nin, r as CitizenRecord]));
}

async function correctionTarget(tx: Tx, number: string | null) {
  if (!number) return { act: null, correctedBy: null };
  const [act] = await tx.select().from(civilActs).where(eq(civilActs.number, number));
  const [later] = await tx
    .select({ number: civilActs.number })
    .from(civilActs)
    .where(eq(civilActs.corrects, number));
  return { act: (act as ActFacts | undefined) ?? null, correctedBy: later?.number ?? null };
}

export async function newAct(
  tx: Tx,
  act: Omit<typeof civilActs.$inferInsert, 'number'>,
): Promise<string> {
  const year = Number(act.actDate.slice(0, 4));
  const serial = await nextSerial(tx, serials, actSerialKey(act.communeCode, year, act.kind));
  const number = actNumber(act.communeCode, year, act.kind, serial);
  await tx.insert(civilActs).values({ ...act, number });
  return number;
}

async function note(
  tx: Tx,
  actNumber: string | null | undefined,
  kind: MarginalNoteRow['kind'],
  source: string,
  text: string,
  notedOn: string,
) {
  if (!actNumber) return;
  await tx
    .insert(marginalNotes)
    .values({ actNumber, kind, sourceActNumber: source, text, notedOn });
}

/**
 * Revokes every live extract of these persons: an extract carries the marginal notes of
 * the birth act, which the act just drawn up changed.
 */
export async function revokeExtractsOf(tx: Tx, nins: string[], reason: string, act: string) {
  const live = await tx
    .select({ id: extracts.id })
    .from(extracts)
    .where(
      and(
        inArray(extracts.nin, nins),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(extractRevocations)
            .where(eq(extractRevocations.extractId, extracts.id)),
        ),
      ),
    );
  if (live.length === 0) return;
  await tx
    .insert(extractRevocations)
    .values(live.map((e) => ({ extractId: e.id, reason, actNumber: act })))
    .onConflictDoNothing();
}

export interface MarriageParams {
  husbandNin: string;
  wifeNin: string;
  marriageDate: string;
  communeCode: string;
  corrects: string | null;
  today: string;
}

export interface ActRules<P> {
  /** Runs the rules on the locked rows; throws (and nothing is written) when they refuse. */
  check(
    persons: Map<string, CitizenRecord>,
    correcting: ActFacts | null,
    correctedBy: string | null,
  ): P;
}

/** Draws up a marriage act (or its correction) and projects it on the registry, in one transaction. */
export async function registerMarriage(
  db: Db,
  p: MarriageParams,
  request: IdempotentRequest,
  registeredBy: string,
  rules: ActRules<{ husband: CitizenRecord; wife: CitizenRecord }>,
  wording: {
    marriage: (spouse: CitizenRecord, number: string) => string;
    corrected: (number: string) => string;
  },
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const persons = await lockPersons(tx, [p.husbandNin, p.wifeNin]);
    const target = await correctionTarget(tx, p.corrects);
    const { husband, wife } = rules.check(persons, target.act, target.correctedBy);
    const number = await newAct(tx, {
      kind: 'MARRIAGE',
      communeCode: p.communeCode,
      actDate: p.today,
      eventDate: p.marriageDate,
      eventCommuneCode: p.communeCode,
      subjectNin: husband.nin,
      partnerNin: wife.nin,
      corrects: p.corrects,
      registeredBy,
    });
    await tx
      .update(citizens)
      .set({ maritalStatus: 'MARRIED', spouseNin: wife.nin })
      .where(eq(citizens.nin, husband.nin));
    await tx
      .update(citizens)
      .set({ maritalStatus: 'MARRIED', spouseNin: husband.nin })
      .where(eq(citizens.nin, wife.nin));
    if (p.corrects)
      await note(tx, p.corrects, 'CORRECTION', number, wording.corrected(number), p.today);
    for (const [person, spouse] of [
      [husband, wife],
      [wife, husband],
    ] as const) {
      const birth = await birthActOf(tx, person.nin);
      await note(tx, birth?.number, 'MARRIAGE', number, wording.marriage(spouse, number), p.today);
    }
    await revokeExtractsOf(
      tx,
      [husband.nin, wife.nin],
      p.corrects ? 'CORRECTION' : 'MARRIAGE',
      number,
    );
    return { number };
  });
}

export interface DeathParams {
  deceasedNin: string;
  deathDate: string;
  communeCode: string;
  corrects: string | null;
  today: string;
}

/** Draws up a death act (or its correction): the death, the widowed spouse, the notes. */
export async function registerDeath(
  db: Db,
  p: DeathParams,
  request: IdempotentRequest,
  registeredBy: string,
  rules: ActRules<CitizenRecord>,
  wording: {
    death: (number: string) => string;
    dissolved: (number: string) => string;
    corrected: (number: string) => string;
  },
) {
  return idempotent(db, idempotencyKeys, request, async (tx) => {
    const [first] = await tx
      .select({ spouseNin: citizens.spouseNin })
      .from(citizens)
      .where(eq(citizens.nin, p.deceasedNin));
    const persons = await lockPersons(
      tx,
      [p.deceasedNin, first?.spouseNin].filter((n): n is string => !!n),
    );
    const target = await correctionTarget(tx, p.corrects);
    const deceased = rules.check(persons, target.act, target.correctedBy);
    const number = await newAct(tx, {
      kind: 'DEATH',
      communeCode: p.communeCode,
      actDate: p.today,
      eventDate: p.deathDate,
      eventCommuneCode: p.communeCode,
      subjectNin: deceased.nin,
      partnerNin: null,
      corrects: p.corrects,
      registeredBy,
    });
    await tx
      .update(citizens)
      .set({ deathDate: p.deathDate, spouseNin: null })
      .where(eq(citizens.nin, deceased.nin));
    const spouse = deceased.spouseNin ? persons.get(deceased.spouseNin) : undefined;
    if (spouse && spouse.maritalStatus === 'MARRIED' && !spouse.deathDate) {
      await tx
        .update(citizens)
        .set({ maritalStatus: 'WIDOWED', spouseNin: null })
        .where(eq(citizens.nin, spouse.nin));
      const [marriage] = await tx
        .select({ number: civilActs.number })
        .from(civilActs)
        .where(
          and(
            eq(civilActs.kind, 'MARRIAGE'),
            or(
              and(eq(civilActs.subjectNin, deceased.nin), eq(civilActs.partnerNin, spouse.nin)),
              and(eq(civilActs.subjectNin, spouse.nin), eq(civilActs.partnerNin, deceased.nin)),
            ),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(sql`citizens.civil_acts later`)
                .where(sql`later.corrects = ${civilActs.number}`),
            ),
          ),
        )
        .orderBy(sql`${civilActs.eventDate} desc`)
        .limit(1);
      await note(tx, marriage?.number, 'DEATH', number, wording.dissolved(number), p.today);
    }
    if (p.corrects)
      await note(tx, p.corrects, 'CORRECTION', number, wording.corrected(number), p.today);
    const birth = await birthActOf(tx, deceased.nin);
    await note(tx, birth?.number, 'DEATH', number, wording.death(number), p.today);
    await revokeExtractsOf(tx, [deceased.nin], p.corrects ? 'CORRECTION' : 'DEATH', number);
    return { number };
  });
}
