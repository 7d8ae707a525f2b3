import type { Context } from '../kit/context.js';
import type { CitizensLoaders } from './loaders.js';
import { EXTRACT_VALIDITY_DAYS, issueSdJwt, newExtractCode } from './extract.js';
import { recordExtract } from './extract.queries.js';

/**
 * How issuing and online checks of an extract appear in the consultation log, which the
 * citizen reads in `me { consultations }` (their own reads are otherwise left out).
 */
export const EXTRACT_ISSUANCE_PURPOSE = 'BIRTH_EXTRACT_ISSUANCE';
export const EXTRACT_VERIFICATION_PURPOSE = 'BIRTH_EXTRACT_VERIFICATION';

const fullName = (p: { givenNameLat: string; familyNameLat: string } | null) =>
  p ? `${p.givenNameLat} ${p.familyNameLat}` : null;

/** Draws a signed extract from a person's birth act, with its marginal notes; null without one. */
export async function birthExtractOf(ctx: Context<CitizensLoaders>, nin: string, issuedBy: string) {
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
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + EXTRACT_VALIDITY_DAYS * 86_400_000);
  const code = newExtractCode();
  const row = await recordExtract(ctx.db, {
    code,
    nin,
    actNumber: birth.number,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    issuedBy,
  });
  const credential = await issueSdJwt(
    ctx.db,
    {
      act_number: birth.number,
      extract_code: code,
      issued_on: issuedAt.toISOString().slice(0, 10),
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
    row.id,
    expiresAt,
  );
  return { credential, code, actNumber: birth.number, expiresAt: expiresAt.toISOString() };
}
