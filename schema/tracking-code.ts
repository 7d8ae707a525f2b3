import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The tracking code printed on an application's receipt: the kiosk's second factor beside
 * the (sequential, guessable) application number. Ten Crockford base-32 characters
 * (50 random bits), shown as XXXXX-XXXXX. Crockford's alphabet has no I, L, O or U, and
 * reading accepts the usual slips: lower case, spaces and dashes, O for 0, I or L for 1.
 *
 * Only a hash is stored. The hash is fast (SHA-256, salted with the application number):
 * the code guards nothing but the application's status, which whoever reads the table
 * already sees, so a slow hash would buy nothing; what stops online guessing is the
 * kiosk's rate limit.
 */
export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/** A new code from random bytes (crypto.randomBytes in production, a seeded PRNG in the seed). */
export function makeTrackingCode(randomByte: () => number): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i += 1)
    code += TRACKING_CODE_ALPHABET[randomByte() & 31];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as the kiosk user typed it, in canonical form; null when it cannot be one. */
export function normaliseTrackingCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== TRACKING_CODE_LENGTH) return null;
  for (const ch of cleaned) if (!TRACKING_CODE_ALPHABET.includes(ch)) return null;
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`;
}

export function hashTrackingCode(applicationNumber: string, code: string): string {
  return createHash('sha256').update(`${applicationNumber}\n${code}`).digest('hex');
}

/** Compares in constant time; false when no hash is stored (an application filed before codes). */
export function trackingCodeMatches(
  applicationNumber: string,
  typed: string,
  storedHash: string | null,
): boolean {
  const code = normaliseTrackingCode(typed);
  if (!code || !storedHash) return false;
  const a = Buffer.from(hashTrackingCode(applicationNumber, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
