import { trackingCodeMatches } from '../../schema/tracking-code.js';
import type { PublicLookupRules } from '../kit/public-lookup.js';
import type { ApplicationRecord } from './application.type.js';

/**
 * Limits of the anonymous lookups, per client address and per number. The kiosk guesses
 * at a secret (the tracking code, the birth date), so it is tight per number; a kiosk in
 * a commune hall serves many citizens from one address, so per address it is wider.
 * verifyDocument guards no secret: its limits only slow a walk through document numbers.
 */
export const TRACK_APPLICATION_LIMITS: PublicLookupRules = {
  perAddress: { limit: 20, windowSeconds: 600 },
  perSubject: { limit: 10, windowSeconds: 3600 },
};
export const VERIFY_DOCUMENT_LIMITS: PublicLookupRules = {
  perAddress: { limit: 60, windowSeconds: 600 },
  perSubject: { limit: 30, windowSeconds: 3600 },
};

export const APPLICATION_NUMBER = /^APP-\d{4}-\d{8}$/;

/**
 * Why a kiosk lookup does not match, or null when it does. The caller sees only "no
 * match" whatever the reason; the reason goes to the lookup log for operators.
 */
export function trackingMismatch(
  app: ApplicationRecord | null,
  number: string,
  trackingCode: string,
  birthDate: string,
): 'UNKNOWN_NUMBER' | 'WRONG_TRACKING_CODE' | 'WRONG_BIRTH_DATE' | null {
  if (!app) return 'UNKNOWN_NUMBER';
  if (!trackingCodeMatches(number, trackingCode, app.trackingCodeHash))
    return 'WRONG_TRACKING_CODE';
  if (app.applicantBirthDate !== birthDate) return 'WRONG_BIRTH_DATE';
  return null;
}
