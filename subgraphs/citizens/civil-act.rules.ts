import type { CivilActKind } from '../../db/tables/citizens.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import type { CitizenRecord } from './citizen.type.js';

/** Legal age of marriage for both spouses (Family Code, art. 7, as amended in 2005). */
export const MARRIAGE_AGE = 19;

/** An act as the rules need it: what it is and whom it concerns. */
export interface ActFacts {
  number: string;
  kind: CivilActKind;
  subjectNin: string;
  partnerNin: string | null;
  eventDate: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** <office commune>-<year>-<B|M|D>-<serial>: each office keeps one register per kind and year. */
export function actNumber(communeCode: string, year: number, kind: CivilActKind, serial: number) {
  return `${communeCode}-${year}-${kind[0]}-${pad(serial, 6)}`;
}

/** The serial counter of a register: one per office, year and kind. */
export const actSerialKey = (communeCode: string, year: number, kind: CivilActKind) =>
  `act:${communeCode}:${year}:${kind[0]}`;

export const ACT_NUMBER = /^\d{4}-\d{4}-[BMD]-\d{6}$/;

export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function assertEventDate(date: string, field: string, today: string): void {
  if (date > today)
    throw badInput(ErrorCode.INVALID_DATE, `${field} cannot be in the future (${date})`, field);
}

function mustExist(person: CitizenRecord | null, nin: string, field: string): CitizenRecord {
  if (!person)
    throw badInput(
      ErrorCode.CITIZEN_NOT_FOUND,
      `no citizen has the NIN given as ${field} (${nin})`,
      field,
    );
  return person;
}

/**
 * Whether two people may marry on a date. `correcting` is the marriage act being
 * corrected, if any: its own spouses are not "already married" to someone else.
 */
export function checkMarriage(
  husband: CitizenRecord | null,
  wife: CitizenRecord | null,
  nins: { husbandNin: string; wifeNin: string },
  date: string,
  correcting: ActFacts | null,
): { husband: CitizenRecord; wife: CitizenRecord } {
  const h = mustExist(husband, nins.husbandNin, 'husbandNin');
  const w = mustExist(wife, nins.wifeNin, 'wifeNin');
  if (h.nin === w.nin)
    throw badInput(
      ErrorCode.MARRIAGE_IMPEDIMENT,
      'husbandNin and wifeNin name the same person',
      'wifeNin',
    );
  if (h.sex !== 'MALE')
    throw badInput(
      ErrorCode.MARRIAGE_IMPEDIMENT,
      'the citizen given as husbandNin is not recorded as male',
      'husbandNin',
    );
  if (w.sex !== 'FEMALE')
    throw badInput(
      ErrorCode.MARRIAGE_IMPEDIMENT,
      'the citizen given as wifeNin is not recorded as female',
      'wifeNin',
    );
  for (const [p, field] of [
    [h, 'husbandNin'],
    [w, 'wifeNin'],
  ] as const) {
    if (p.deathDate && p.deathDate <= date)
      throw badInput(
        ErrorCode.CITIZEN_DECEASED,
        `the citizen given as ${field} is recorded as dead on ${p.deathDate}`,
        field,
      );
    if (ageOn(p.birthDate, date) < MARRIAGE_AGE)
      throw badInput(
        ErrorCode.UNDER_AGE,
        `the citizen given as ${field} is under ${MARRIAGE_AGE} on ${date}, the legal age of marriage`,
        field,
      );
    const ownCouple = correcting && [correcting.subjectNin, correcting.partnerNin].includes(p.nin);
    if (p.maritalStatus === 'MARRIED' && !ownCouple) {
      // A second marriage needs a court's authorisation (Family Code, art. 8), which the
      // registry does not hold: the office cannot draw it up.
      throw badInput(
        ErrorCode.ALREADY_MARRIED,
        `the citizen given as ${field} is married; a marriage is recorded only once the previous one is dissolved`,
        field,
      );
    }
  }
  const parentsOf = (p: CitizenRecord) =>
    [p.fatherNin, p.motherNin].filter((n): n is string => !!n);
  const hParents = parentsOf(h);
  const wParents = parentsOf(w);
  if (
    hParents.includes(w.nin) ||
    wParents.includes(h.nin) ||
    hParents.some((n) => wParents.includes(n))
  ) {
    throw badInput(
      ErrorCode.MARRIAGE_IMPEDIMENT,
      'the registry records the two as parent and child or as siblings, between whom marriage is forbidden',
      'wifeNin',
    );
  }
  return { husband: h, wife: w };
}

/** Whether a death may be recorded on a date; `correcting` is the death act being corrected. */
export function checkDeath(
  person: CitizenRecord | null,
  nin: string,
  date: string,
  correcting: ActFacts | null,
): CitizenRecord {
  const p = mustExist(person, nin, 'deceasedNin');
  if (p.deathDate && !correcting)
    throw badInput(
      ErrorCode.ALREADY_DECEASED,
      `a death is already recorded for this citizen (on ${p.deathDate}); to change it, register a death that corrects its act`,
      'deceasedNin',
    );
  if (date < p.birthDate)
    throw badInput(
      ErrorCode.DATE_BEFORE_BIRTH,
      `deathDate (${date}) is before the birth of this citizen (${p.birthDate})`,
      'deathDate',
    );
  return p;
}

/**
 * A correction replaces the act in force: same kind, same persons; only dates and places
 * change (a change of person is an annulment, for a court).
 */
export function checkCorrection(
  act: ActFacts | null,
  number: string,
  kind: CivilActKind,
  persons: { subjectNin: string; partnerNin: string | null },
  correctedBy: string | null,
): ActFacts {
  if (!act || act.kind !== kind)
    throw badInput(
      ErrorCode.ACT_NOT_FOUND,
      `no ${kind.toLowerCase()} act numbered ${number}`,
      'corrects',
    );
  if (correctedBy)
    throw badInput(
      ErrorCode.ACT_ALREADY_CORRECTED,
      `act ${number} was already corrected by act ${correctedBy}; correct that one instead`,
      'corrects',
    );
  if (act.subjectNin !== persons.subjectNin || act.partnerNin !== persons.partnerNin)
    throw badInput(
      ErrorCode.CORRECTION_MISMATCH,
      `act ${number} concerns other persons; a correction changes dates and places, not persons`,
      'corrects',
    );
  return act;
}

/** The marginal notes' wording, in French as the registers are kept. */
export const notes = {
  marriage: (spouse: CitizenRecord, date: string, commune: string, number: string) =>
    `Marié(e) le ${date} à la commune ${commune} avec ${spouse.givenNameLat} ${spouse.familyNameLat}, acte n° ${number}.`,
  death: (date: string, commune: string, number: string) =>
    `Décédé(e) le ${date} à la commune ${commune}, acte n° ${number}.`,
  dissolvedByDeath: (date: string, number: string) =>
    `Mariage dissous par le décès d'un époux le ${date}, acte n° ${number}.`,
  corrected: (number: string) => `Rectifié par l'acte n° ${number}.`,
};
