import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { normaliseTrackingCode } from '../../schema/tracking-code.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { publicLookup } from '../kit/public-lookup.js';
import { ApplicationTracking, TrackingCodePayload } from './application.type.js';
import type { DocumentsLoaders } from './loaders.js';
import {
  APPLICATION_NUMBER,
  TRACK_APPLICATION_LIMITS,
  trackingMismatch,
} from './public-lookups.js';
import { lookupStore, reissueTrackingCode } from './queries.js';
import { rolesOf } from './workflow.js';

type Ctx = Context<DocumentsLoaders>;

function applicationNumber(value: string): string {
  const number = value.trim().toUpperCase();
  if (!APPLICATION_NUMBER.test(number)) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      'number is printed on the receipt as APP-YYYY-NNNNNNNN',
      'number',
    );
  }
  return number;
}

/** The kiosk: anonymous tracking with the receipt, and a new receipt code at the counter. */
@Resolver()
export class KioskResolver {
  @Query(() => ApplicationTracking, {
    nullable: true,
    description:
      "The kiosk: an application's status for anyone holding its receipt (number and tracking code) and knowing the applicant's birth date; null when any of the three does not match, whichever it is. Anonymous callers are rate-limited per address and per number (RATE_LIMITED, extensions.retryAfterSeconds), and every lookup is logged.",
  })
  async trackApplication(
    @Arg('number', () => String, { description: 'APP-YYYY-NNNNNNNN, from the receipt.' })
    number: string,
    @Arg('trackingCode', () => String, {
      description: 'XXXXX-XXXXX, from the receipt (case, spaces and dashes do not matter).',
    })
    trackingCode: string,
    @Arg('birthDate', () => LocalDateResolver, { description: "The applicant's birth date." })
    birthDate: string,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationTracking | null> {
    const n = applicationNumber(number);
    if (!normaliseTrackingCode(trackingCode)) {
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'trackingCode is printed on the receipt as ten letters and digits, XXXXX-XXXXX',
        'trackingCode',
      );
    }
    const app = await publicLookup(
      ctx,
      lookupStore,
      { lookup: 'trackApplication', subject: n, rules: TRACK_APPLICATION_LIMITS },
      () => ctx.loaders.applicationByNumber.load(n),
      (found) => trackingMismatch(found, n, trackingCode, birthDate),
    );
    if (!app) return null;
    return {
      number: app.number,
      type: app.type,
      status: app.status,
      updatedAt: new Date(app.updatedAt).toISOString(),
    };
  }

  @Mutation(() => TrackingCodePayload, {
    description:
      "A new tracking code for an application's receipt (lost receipt, or an application filed before codes existed); the previous code stops working. For an agent of the counter that took it, or the applicant.",
  })
  async reissueTrackingCode(
    @Arg('number', () => String, { description: 'The application number.' }) number: string,
    @Ctx() ctx: Ctx,
  ): Promise<TrackingCodePayload> {
    const n = applicationNumber(number);
    const app = await ctx.loaders.applicationByNumber.load(n);
    const roles = app ? rolesOf(ctx.principal, ctx.purpose, app) : [];
    if (!app || !(roles.includes('COUNTER') || roles.includes('APPLICANT'))) {
      throw appError(ErrorCode.APPLICATION_NOT_FOUND, `no application ${n} that you may act on`, {
        field: 'number',
      });
    }
    return { number: n, trackingCode: await reissueTrackingCode(ctx.db, n) };
  }
}
