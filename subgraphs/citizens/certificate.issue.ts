import type { Db } from '../../db/client.js';
import type { Context } from '../kit/context.js';
import type { CertificateTypeName } from './certificate.procedures.js';
import type { CertificateRequestRecord } from './certificate.type.js';
import { DISCLOSABLE, EXTRACT_VCT, type CredentialKind } from './extract.js';
import { birthActFacts, fullName, signExtract } from './extract.issue.js';
import type { CitizensLoaders } from './loaders.js';

const PERSON = [
  'nin',
  'given_name_ar',
  'family_name_ar',
  'given_name_lat',
  'family_name_lat',
  'birth_date',
  'birth_commune',
] as const;

/**
 * Which facts each certificate states, every one selectively disclosable (the holder shows
 * a bank the marital status without the children). The birth extract is the one of 2.
 */
const FACTS: Record<CertificateTypeName, readonly string[]> = {
  BIRTH_EXTRACT: DISCLOSABLE,
  RESIDENCE_CERTIFICATE: [...PERSON, 'residence_address', 'residence_commune'],
  CERTIFICATE_OF_LIFE: [...PERSON, 'alive_on'],
  FAMILY_RECORD: [...PERSON, 'marital_status', 'spouse_name', 'children'],
  NON_REMARRIAGE_CERTIFICATE: [...PERSON, 'marital_status', 'not_remarried_on'],
  MARITAL_STATUS_CERTIFICATE: [...PERSON, 'marital_status', 'spouse_name'],
};

export const CERTIFICATE_KINDS: Record<CertificateTypeName, CredentialKind> = Object.fromEntries(
  Object.entries(FACTS).map(([type, disclosable]) => [
    type,
    {
      vct:
        type === 'BIRTH_EXTRACT'
          ? EXTRACT_VCT
          : `urn:dz:e-commune:certificate:${type.toLowerCase()}:1`,
      disclosable,
    },
  ]),
) as Record<CertificateTypeName, CredentialKind>;

/** Every fact any certificate may disclose, in a stable order (what verifyExtract reports). */
export const ALL_DISCLOSABLE: readonly string[] = [...new Set(Object.values(FACTS).flat())];

/**
 * The facts of a certificate, read from the registry now (the decision), so that what is
 * signed is what the registry says on the day of signing; null when there is no birth act.
 */
export async function certificateFacts(
  ctx: Context<CitizensLoaders>,
  request: CertificateRequestRecord,
) {
  const birth = await birthActFacts(ctx, request.nin);
  if (!birth) return null;
  const type = request.type as CertificateTypeName;
  if (type === 'BIRTH_EXTRACT') return { actNumber: birth.actNumber, claims: birth.claims };
  const { person } = birth;
  const today = new Date().toISOString().slice(0, 10);
  const [spouse, children] = await Promise.all([
    person.spouseNin ? ctx.loaders.citizenByNin.load(person.spouseNin) : null,
    type === 'FAMILY_RECORD' ? ctx.loaders.childrenByParentNin.load(person.nin) : [],
  ]);
  const all: Record<string, unknown> = {
    ...birth.claims,
    residence_address: request.address,
    residence_commune: request.communeCode,
    alive_on: today,
    marital_status: person.maritalStatus,
    spouse_name: fullName(spouse),
    children: children.map((c) => `${fullName(c)} (${c.birthDate})`),
    not_remarried_on: today,
  };
  const claims: Record<string, unknown> = {
    certificate_type: type,
    request_number: request.number,
  };
  for (const fact of FACTS[type]) claims[fact] = all[fact];
  return { actNumber: birth.actNumber, claims };
}

/** Signs a certificate in the caller's transaction: its extract row and the SD-JWT VC. */
export function signCertificate(
  tx: Db,
  request: CertificateRequestRecord,
  facts: { actNumber: string; claims: Record<string, unknown> },
  issuedBy: string,
) {
  return signExtract(tx, {
    nin: request.nin,
    actNumber: facts.actNumber,
    claims: facts.claims,
    issuedBy,
    kind: CERTIFICATE_KINDS[request.type as CertificateTypeName],
  });
}
