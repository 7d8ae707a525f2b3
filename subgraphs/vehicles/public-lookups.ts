import type { PublicLookupRules } from '../kit/public-lookup.js';

/**
 * Limits of the anonymous roadside check. A plate is on the car for all to read, so no
 * second factor can stand beside it; the answer holds no owner data. What remains to
 * stop is a script walking the sequential plates to list makes and models: per address.
 * The per-plate limit is wide, since one stolen car may be checked at many roadblocks.
 */
export const STOLEN_CHECK_LIMITS: PublicLookupRules = {
  perAddress: { limit: 60, windowSeconds: 600 },
  perSubject: { limit: 60, windowSeconds: 3600 },
};
