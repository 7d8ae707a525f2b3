import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { money } from '../kit/money.js';
import type { DisputesLoaders } from './loaders.js';
import { figuresOf, judgedBetween } from './queries.js';
import { caseScope } from './scope.js';
import { DisputesFigures } from './statistics.type.js';
import { APPEAL, appealDeadline } from './workflow.js';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
const LONGEST_APPEAL = Math.max(...Object.values(APPEAL).map((a) => a?.days ?? 0));

@Resolver(() => DisputesFigures)
export class DisputesFiguresResolver {
  @Query(() => DisputesFigures, {
    description:
      "A commune's open cases, amounts at stake, won/lost ratio (no personal data), and the cases whose appeal deadline falls in the next `days` days.",
  })
  async disputesFigures(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('days', () => Int, { defaultValue: 15 }) days: number,
    @Ctx() ctx: Context<DisputesLoaders>,
  ): Promise<DisputesFigures> {
    assertCommuneCode(communeCode, 'communeCode');
    if (!Number.isInteger(days) || days < 0 || days > LONGEST_APPEAL)
      throw badInput(ErrorCode.BAD_USER_INPUT, `days must be 0 to ${LONGEST_APPEAL}`, 'days');
    const today = new Date().toISOString().slice(0, 10);
    const until = addDays(today, days);
    const [f, judged] = await Promise.all([
      figuresOf(ctx.db, communeCode),
      judgedBetween(ctx.db, communeCode, addDays(today, -LONGEST_APPEAL), today),
    ]);
    const soon = judged.filter((c) => {
      const d = appealDeadline(c.level, c.judgmentDate);
      return d !== null && d >= today && d <= until;
    });
    return {
      communeCode,
      openCases: f.open,
      amountAtStake: money(f.atStakeCentimes),
      won: f.won,
      lost: f.lost,
      partlyWon: f.partlyWon,
      wonLostRatio: f.won + f.lost === 0 ? null : f.won / (f.won + f.lost),
      appealDeadlinesSoon: visibleRows(ctx, soon, caseScope) as never,
    };
  }
}
