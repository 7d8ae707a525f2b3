import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { assertRecordsOf } from './access.js';
import { standingFigures } from './establishment.queries.js';
import type { HygieneLoaders } from './loaders.js';
import { requestFigures } from './request.queries.js';
import { HygieneStatistics } from './statistics.type.js';

type Ctx = Context<HygieneLoaders>;

@Resolver()
export class HygieneStatisticsResolver {
  @Query(() => HygieneStatistics, {
    description:
      "A commune's figures: requests by category and status, median time to resolution, overdue requests, establishments by standing. For its hygiene office, Health, and Interior's oversight (LOCAL_GOVERNMENT_OVERSIGHT) across communes.",
  })
  async hygieneStatistics(@Arg('communeCode', () => String) communeCode: string, @Ctx() ctx: Ctx) {
    assertCommuneCode(communeCode, 'communeCode');
    assertRecordsOf(ctx, communeCode, true);
    const requests = await requestFigures(ctx.db, communeCode);
    return {
      communeCode,
      requestsByCategoryAndStatus: requests.counts,
      medianHoursToResolve: requests.medianHoursToResolve,
      overdueRequests: requests.overdue,
      establishmentsByStanding: await standingFigures(ctx.db, communeCode),
    };
  }
}
