import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { Money, money } from '../kit/money.js';
import { patrimonyAgent, refusal } from './agent.js';
import { FormalNoticePayload } from './lease.input.js';
import { today } from './lease.rules.js';
import { FormalNotice, LeaseContract, type NoticeRecord } from './lease.type.js';
import type { PatrimonyLoaders } from './loaders.js';
import { issueNotice } from './queries.js';
import { leaseScope, noticeScope } from './scope.js';

type Ctx = Context<PatrimonyLoaders>;

@Resolver(() => FormalNotice)
export class NoticeResolver {
  @Query(() => FormalNotice, {
    nullable: true,
    description:
      'A formal notice by number; null when unknown or not yours to read (group LEASES).',
  })
  async formalNotice(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    return visibleOrNull(
      ctx,
      await ctx.loaders.noticeByNumber.load(number.trim().slice(0, 40)),
      noticeScope,
    );
  }

  @Mutation(() => FormalNoticePayload, {
    description:
      "Issues this month's formal notice for a lease in arrears of at least two months' rent, and tells the tenant by SMS. Asked again in the same month, it returns the same notice and sends nothing.",
  })
  async issueFormalNotice(@Arg('leaseNumber', () => String) leaseNumber: string, @Ctx() ctx: Ctx) {
    const agent = patrimonyAgent(ctx);
    const { number, replayed } = await issueNotice(ctx.db, {
      leaseNumber: leaseNumber.trim(),
      communeCode: agent.communeCode,
      today: today(),
      actor: agent.sub,
    }).catch(refusal);
    return { notice: await ctx.loaders.noticeByNumber.load(number), alreadyIssued: replayed };
  }

  @FieldResolver(() => LeaseContract, { nullable: true })
  async lease(@Root() n: NoticeRecord, @Ctx() ctx: Ctx) {
    return visibleOrNull(ctx, await ctx.loaders.leaseByNumber.load(n.leaseNumber), leaseScope);
  }

  @FieldResolver(() => Money)
  amountDue(@Root() n: NoticeRecord): Money {
    return money(n.amountDueCentimes);
  }

  @FieldResolver(() => Money, {
    description: 'What the tenant has paid since the notice was issued.',
  })
  async paidSince(@Root() n: NoticeRecord, @Ctx() ctx: Ctx): Promise<Money> {
    return money(await ctx.loaders.paidSinceNotice.load(n.number));
  }

  @FieldResolver(() => Boolean, {
    description:
      'True once the tenant has paid at least the amount due since the notice: no case may then be opened from it.',
  })
  async answered(@Root() n: NoticeRecord, @Ctx() ctx: Ctx): Promise<boolean> {
    return (await ctx.loaders.paidSinceNotice.load(n.number)) >= n.amountDueCentimes;
  }
}
