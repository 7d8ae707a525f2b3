import { ErrorCode, appError, badInput } from '../kit/errors.js';
import type { CitizenRecord } from './citizen.type.js';
import { CERTIFICATE_TYPES, type CertificateTypeName } from './certificate.procedures.js';

export const MAX_REASON = 300;
export const MAX_ADDRESS = 200;

/**
 * The certificate type as asked. A string rather than an enum argument so that an unknown
 * type gets its own code and a message naming the valid ones, not a schema validation error.
 */
export function assertCertificateType(value: string): CertificateTypeName {
  const type = value.trim().toUpperCase();
  if (!(CERTIFICATE_TYPES as readonly string[]).includes(type)) {
    throw badInput(
      ErrorCode.UNKNOWN_CERTIFICATE_TYPE,
      `no certificate type ${value.slice(0, 40)}; the guide (certificateProcedures) lists: ${CERTIFICATE_TYPES.join(', ')}`,
      'type',
    );
  }
  return type as CertificateTypeName;
}

/** Why the certificate is wanted (a bank, a consulate, a file): the office reads it. */
export function assertReason(value: string): string {
  const reason = value.trim();
  if (reason.length < 3 || reason.length > MAX_REASON) {
    throw badInput(
      ErrorCode.REASON_REQUIRED,
      `reason says what the certificate is for, in 3 to ${MAX_REASON} characters`,
      'reason',
    );
  }
  return reason;
}

/** A residence certificate states an address; no other certificate takes one. */
export function addressFor(type: CertificateTypeName, value: string | null | undefined) {
  const address = value?.trim() || null;
  if (type === 'RESIDENCE_CERTIFICATE') {
    if (!address || address.length < 5 || address.length > MAX_ADDRESS) {
      throw badInput(
        ErrorCode.ADDRESS_REQUIRED,
        `a residence certificate states the address where you live: 5 to ${MAX_ADDRESS} characters`,
        'address',
      );
    }
    return address;
  }
  if (address)
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `only a residence certificate takes an address, not a ${type}`,
      'address',
    );
  return null;
}

/**
 * Whether the registry's facts allow this certificate at all: nothing is certified of a
 * dead person, non-remarriage needs a widow(er) or divorcee, a family record a marriage.
 */
export function assertApplicable(type: CertificateTypeName, person: CitizenRecord): void {
  if (person.deathDate) {
    throw appError(
      ErrorCode.CITIZEN_DECEASED,
      `the civil registry records this citizen as deceased (${person.deathDate}): no certificate is issued in their name`,
      { field: 'nin' },
    );
  }
  if (
    type === 'NON_REMARRIAGE_CERTIFICATE' &&
    !['WIDOWED', 'DIVORCED'].includes(person.maritalStatus)
  ) {
    throw appError(
      ErrorCode.CERTIFICATE_NOT_APPLICABLE,
      `a certificate of non-remarriage is for a widowed or divorced person; the registry says ${person.maritalStatus}`,
      { field: 'type' },
    );
  }
  if (type === 'FAMILY_RECORD' && person.maritalStatus === 'SINGLE') {
    throw appError(
      ErrorCode.CERTIFICATE_NOT_APPLICABLE,
      'a family record is drawn from a marriage act; the registry records none for this citizen',
      { field: 'type' },
    );
  }
}
