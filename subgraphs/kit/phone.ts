import { ErrorCode, badInput } from './errors.js';

/**
 * An Algerian mobile number as the SMS provider takes it: 05, 06 or 07 and 8 digits.
 * Spaces, dots and dashes are dropped, and +213 / 00213 become the leading 0, since people
 * type their number in every one of these ways.
 */
export function normaliseMobile(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, '');
  const national = compact.replace(/^(\+|00)213/, '0');
  return /^0[567]\d{8}$/.test(national) ? national : null;
}

/** A mobile number argument, or INVALID_PHONE naming the field. */
export function assertMobile(value: string, field: string): string {
  const phone = normaliseMobile(value);
  if (!phone) {
    throw badInput(
      ErrorCode.INVALID_PHONE,
      `${field} must be a mobile number: 05, 06 or 07 followed by 8 digits (+213 accepted)`,
      field,
    );
  }
  return phone;
}
