import type { PublicLookupRules } from '../kit/public-lookup.js';
import type { RequestRecord } from './request.type.js';
import { normaliseMobile } from '../kit/phone.js';

/**
 * Following a request needs its number and the phone it was filed with: a guess at a
 * second factor, so tight per number; a kiosk in a commune hall serves many people from one
 * address, so wider per address.
 */
export const FOLLOW_REQUEST_LIMITS: PublicLookupRules = {
  perAddress: { limit: 30, windowSeconds: 600 },
  perSubject: { limit: 10, windowSeconds: 3600 },
};

/** Filing at the kiosk without an account: per address (a script flooding the office), per commune. */
export const FILE_REQUEST_LIMITS: PublicLookupRules = {
  perAddress: { limit: 10, windowSeconds: 600 },
  perSubject: { limit: 300, windowSeconds: 3600 },
};

export const REQUEST_NUMBER = /^RQ-\d{4}-\d{4}-\d{6}$/;

/** Why a follow-up does not match; the caller sees only null, the log keeps the reason. */
export function followMismatch(
  request: RequestRecord | null,
  phone: string,
): 'UNKNOWN_NUMBER' | 'NO_PHONE_ON_FILE' | 'WRONG_PHONE' | null {
  if (!request) return 'UNKNOWN_NUMBER';
  if (!request.contactPhone) return 'NO_PHONE_ON_FILE';
  if (normaliseMobile(phone) !== request.contactPhone) return 'WRONG_PHONE';
  return null;
}
