import type { Db } from '../../db/client.js';
import type { Context } from '../kit/context.js';
import type { CitizensLoaders } from './loaders.js';
import {
  BIRTH_EXTRACT_KIND,
  EXTRACT_VALIDITY_DAYS,
  issueSdJwt,
  newExtractCode,
  type CredentialKind,
} from './extract.js';
import { recordExtract } from './extract.queries.js';

/**
 * How issuing and online checks of an extract appear in the consultation log, which the
 * citizen reads in `me { consultations }` (their own reads are otherwise left out).
 */
export const EXTRACT_ISSUANCE_PURPOSE = 'BIRTH_EXTRACT_ISSUANCE';
export const EXTRACT_VERIFICATION_PURPOSE = 'BIRTH_EXTRACT_VERIFICATION';

export const fullName = (p: { givenNameLat: string; familyNameLat: string } | null) =>
  p ? `${p.givenNameLat} ${p.familyNameLat}` : null;

/** The facts of a person's birth act, with its marginal notes; null without one. */
export async function birthActFacts(ctx: Context<CitizensLoaders>, nin: string) {
  const person = await ctx.loaders.citizenByNin.load(nin);
  if (!person) return null;
  const acts = await ctx.loaders.actsByNin.load(nin);
  const birth = acts.find((a) => a.kind === 'BIRTH' && a.subjectNin === nin);
  if (!birth) return null;
  const [father, mother, notes] = await Promise.all([
    person.fatherNin ? ctx.loaders.citizenByNin.load(person.fatherNin) : null,
    person.motherNin ? ctx.loaders.citizenByNin.load(person.motherNin) : null,
    ctx.loaders.notesByAct.load(birth.number),
  ]);
  return {
    person,
    actNumber: birth.number,
    claims: {
      nin,
      given_name_ar: person.givenNameAr,
      family_name_ar: person.familyNameAr,
      given_name_lat: person.givenNameLat,
      family_name_lat: person.familyNameLat,
      sex: person.sex,
      birth_date: person.birthDate,
      birth_commune: person.birthCommuneCode,
      father_name: fullName(father),
      mother_name: fullName(mother),
      marginal_notes: notes.map((n) => n.text),
    },
  };
}

/**
 * Records an extract's row (its id is its index in the status list) and signs it. `db` may
 * be a transaction: a certificate is signed in the transaction of the decision that grants it.
 */
export async function signExtract(
  db: Db,
  params: {
    nin: string;
    actNumber: string;
    claims: Record<string, unknown>;
    issuedBy: string;
    kind?: CredentialKind;
  },
) {
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + EXTRACT_VALIDITY_DAYS * 86_400_000);
  const code = newExtractCode();
  const row = await recordExtract(db, {
    code,
    nin: params.nin,
    actNumber: params.actNumber,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    issuedBy: params.issuedBy,
  });
  const credential = await issueSdJwt(
    db,
    {
      act_number: params.actNumber,
      extract_code: code,
      issued_on: issuedAt.toISOString().slice(0, 10),
      ...params.claims,
    },
    row.id,
    expiresAt,
    params.kind ?? BIRTH_EXTRACT_KIND,
  );
  return { credential, code, actNumber: params.actNumber, expiresAt: expiresAt.toISOString() };
}

/** Draws a signed extract from a person's birth act, with its marginal notes; null without one. */
export async function birthExtractOf(ctx: Context<CitizensLoaders>, nin: string, issuedBy: string) {
  const facts = await birthActFacts(ctx, nin);
  if (!facts) return null;
  return signExtract(ctx.db, { nin, actNumber: facts.actNumber, claims: facts.claims, issuedBy });
}
