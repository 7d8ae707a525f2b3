import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { publicLookups, rateLimits } from '../../db/tables/citizens.js';
import { normaliseTrackingCode, trackingCodeMatches } from '../../schema/tracking-code.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { publicLookup, type PublicLookupRules } from '../kit/public-lookup.js';
import { CERTIFICATE_PROCEDURES } from './certificate.procedures.js';
import {
  CertificateProcedure,
  CertificateRequestTracking,
  CertificateType,
  type CertificateRequestRecord,
} from './certificate.type.js';
import type { CitizensLoaders } from './loaders.js';

type Ctx = Context<CitizensLoaders>;

export const CERTIFICATE_REQUEST_NUMBER = /^CRT-\d{4}-\d{4}-\d{6}$/;

/**
 * The kiosk guesses at a secret (tracking code, birth date): tight per number; a kiosk in a
 * commune hall serves many citizens from one address, so wider per address.
 */
export const TRACK_CERTIFICATE_LIMITS: PublicLookupRules = {
  perAddress: { limit: 20, windowSeconds: 600 },
  perSubject: { limit: 10, windowSeconds: 3600 },
};
const lookupStore = { limits: rateLimits, log: publicLookups };

/** Why a kiosk lookup does not match (for the log), or null; the caller sees only null. */
function mismatch(
  r: CertificateRequestRecord | null,
  number: string,
  trackingCode: string,
  birthDate: string,
) {
  if (!r) return 'UNKNOWN_NUMBER';
  if (!trackingCodeMatches(number, trackingCode, r.trackingCodeHash)) return 'WRONG_TRACKING_CODE';
  if (r.applicantBirthDate !== birthDate) return 'WRONG_BIRTH_DATE';
  return null;
}

/** The kiosk and the guide: following a certificate request with its receipt; what to bring. */
@Resolver()
export class CertificateKioskResolver {
  @Query(() => CertificateRequestTracking, {
    nullable: true,
    description:
      "The kiosk: a certificate request's status for whoever holds its receipt (number and tracking code) and knows the citizen's birth date; null when any of the three does not match. Rate-limited per address and per number (RATE_LIMITED), every lookup logged.",
  })
  async trackCertificateRequest(
    @Arg('number', () => String, { description: 'CRT-CCCC-YYYY-NNNNNN, from the receipt.' })
    number: string,
    @Arg('trackingCode', () => String, { description: 'XXXXX-XXXXX, from the receipt.' })
    trackingCode: string,
    @Arg('birthDate', () => LocalDateResolver, { description: "The citizen's birth date." })
    birthDate: string,
    @Ctx() ctx: Ctx,
  ): Promise<CertificateRequestTracking | null> {
    const n = number.trim().toUpperCase();
    if (!CERTIFICATE_REQUEST_NUMBER.test(n))
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'number is printed on the receipt as CRT-CCCC-YYYY-NNNNNN',
        'number',
      );
    if (!normaliseTrackingCode(trackingCode))
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'trackingCode is printed on the receipt as ten letters and digits, XXXXX-XXXXX',
        'trackingCode',
      );
    const r = await publicLookup(
      ctx,
      lookupStore,
      { lookup: 'trackCertificateRequest', subject: n, rules: TRACK_CERTIFICATE_LIMITS },
      () => ctx.loaders.certificateRequestByNumber.load(n),
      (found) => mismatch(found, n, trackingCode, birthDate),
    );
    if (!r) return null;
    return {
      number: r.number,
      type: r.type,
      status: r.status,
      submittedAt: new Date(r.submittedAt).toISOString(),
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      justification: r.status === 'REFUSED' ? r.justification : null,
    };
  }

  @Directive('@listSize(assumedSize: 6)') // one per certificate type
  @Query(() => [CertificateProcedure], {
    description:
      'The guide of procedures for every certificate (pieces, fee, delay); no token needed. The documents are in Query.procedures.',
  })
  certificateProcedures(): CertificateProcedure[] {
    return Object.values(CERTIFICATE_PROCEDURES) as CertificateProcedure[];
  }

  @Query(() => CertificateProcedure, {
    description: 'The guide of procedures for one certificate; no token needed.',
  })
  certificateProcedure(
    @Arg('type', () => CertificateType) type: CertificateType,
  ): CertificateProcedure {
    return CERTIFICATE_PROCEDURES[type] as CertificateProcedure;
  }
}
