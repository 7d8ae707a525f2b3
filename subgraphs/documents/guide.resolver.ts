import { Arg, Ctx, Query, Resolver, Directive } from 'type-graphql';
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
  @Directive('@listSize(assumedSize: 10)') // one per document type (3 today)
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

  @Directive('@listSize(assumedSize: 174)') // one row per document type (3) and wilaya (58)
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

  @Directive('@listSize(assumedSize: 8)') // one row per status
  @Query(() => [StatusCount], { description: 'Applications in each status, now.' })
  applicationStatistics(@Ctx() ctx: Context) {
    return applicationStatusCounts(ctx.db);
  }

  @Directive('@listSize(assumedSize: 1541)') // one row per commune
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
