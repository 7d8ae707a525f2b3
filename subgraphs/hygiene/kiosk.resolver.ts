import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertMobile } from '../kit/phone.js';
import { publicLookup } from '../kit/public-lookup.js';
import type { HygieneLoaders } from './loaders.js';
import { FOLLOW_REQUEST_LIMITS, REQUEST_NUMBER, followMismatch } from './public-lookups.js';
import { lookupStore } from './request.queries.js';
import { HygieneRequestTracking } from './request.type.js';

type Ctx = Context<HygieneLoaders>;

/** Anyone holding a request's number and the phone it was filed with follows it. */
@Resolver()
export class HygieneKioskResolver {
  @Query(() => HygieneRequestTracking, {
    nullable: true,
    description:
      "Follows a citizens' request with its number and the mobile number it was filed with; null when either does not match, whichever it is. Anonymous callers are rate-limited per address and per number (RATE_LIMITED), and every lookup is logged.",
  })
  async followHygieneRequest(
    @Arg('number', () => String, { description: 'RQ-CCCC-YYYY-NNNNNN.' }) number: string,
    @Arg('phone', () => String, { description: 'The mobile number left when filing.' })
    phone: string,
    @Ctx() ctx: Ctx,
  ): Promise<HygieneRequestTracking | null> {
    const n = number.trim().toUpperCase();
    if (!REQUEST_NUMBER.test(n))
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'number is given at filing as RQ-CCCC-YYYY-NNNNNN',
        'number',
      );
    assertMobile(phone, 'phone');
    const request = await publicLookup(
      ctx,
      lookupStore,
      { lookup: 'followHygieneRequest', subject: n, rules: FOLLOW_REQUEST_LIMITS },
      () => ctx.loaders.requestByNumber.load(n),
      (found) => followMismatch(found, phone),
    );
    if (!request) return null;
    const events = await ctx.loaders.eventsByRequest.load(n);
    return {
      number: request.number,
      category: request.category,
      status: request.status,
      filedAt: new Date(request.filedAt).toISOString(),
      deadline: new Date(request.deadline).toISOString(),
      closedAt: request.closedAt ? new Date(request.closedAt).toISOString() : null,
      justification: request.justification,
      steps: events.map((e) => ({ status: e.toStatus, at: new Date(e.at).toISOString() })),
    };
  }
}
