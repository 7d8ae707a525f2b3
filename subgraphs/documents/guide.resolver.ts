import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { DocumentType, Procedure } from './document.type.js';
import { PROCEDURES } from './procedures.js';
import { applicationStatusCounts, documentStatistics, processingTimes } from './queries.js';
import { DeliveredCount, ProcessingTime, StatusCount } from './statistics.type.js';

function assertPeriod(from: string, to: string) {
  if (from >= to) throw badInput(ErrorCode.INVALID_DATE, 'from must be before to', 'from');
}

@Resolver()
export class GuideResolver {
  @Query(() => [Procedure], {
    description: 'The guide of procedures for every document; no token needed.',
  })
  procedures(): Procedure[] {
    return Object.values(PROCEDURES) as Procedure[];
  }

  @Query(() => Procedure, {
    description: 'The guide of procedures for one document; no token needed.',
  })
  procedure(@Arg('type', () => DocumentType) type: DocumentType): Procedure {
    return PROCEDURES[type] as Procedure;
  }

  @Query(() => [DeliveredCount], {
    description: 'Documents delivered in [from, to), by type and wilaya.',
  })
  documentStatistics(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: Context,
  ) {
    assertPeriod(from, to);
    return documentStatistics(ctx.db, from, to);
  }

  @Query(() => [StatusCount], { description: 'Applications in each status, now.' })
  applicationStatistics(@Ctx() ctx: Context) {
    return applicationStatusCounts(ctx.db);
  }

  @Query(() => [ProcessingTime], {
    description:
      'Median days from submission to delivery per commune, for deliveries in [from, to).',
  })
  processingTimes(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: Context,
  ) {
    assertPeriod(from, to);
    return processingTimes(ctx.db, from, to);
  }
}
