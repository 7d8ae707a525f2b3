import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { assertRecordsOf, officeAgent } from './access.js';
import { Commune } from './commune.type.js';
import { RecordCampaignInput, RecordWaterSampleInput } from './environment.input.js';
import { campaignsOf, recordCampaign, recordSample, samplesOf } from './environment.queries.js';
import {
  HygieneCampaign,
  HygieneCampaignConnection,
  SamplingPoint,
  WaterSample,
  WaterSampleConnection,
  type WaterSampleRecord,
} from './environment.type.js';
import type { HygieneLoaders } from './loaders.js';
import { failuresOf } from './thresholds.js';

type Ctx = Context<HygieneLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

function assertCount(value: number, field: string, max = 1_000_000): number {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be a whole number from 0 to ${max}`,
      field,
    );
  return value;
}

@Resolver(() => WaterSample)
export class WaterSampleResolver {
  @Mutation(() => WaterSample, {
    description:
      "Records a drinking-water sample at a sampling point of the agent's commune; its compliance is computed from the thresholds (see WaterThreshold).",
  })
  async recordWaterSample(
    @Arg('input', () => RecordWaterSampleInput) input: RecordWaterSampleInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = officeAgent(ctx);
    const point = await ctx.loaders.samplingPointById.load(
      input.samplingPointId.trim().toUpperCase(),
    );
    if (!point || point.communeCode !== agent.communeCode) {
      throw appError(
        ErrorCode.SAMPLING_POINT_NOT_FOUND,
        `no sampling point ${input.samplingPointId.slice(0, 40)} in commune ${agent.communeCode}`,
        { field: 'samplingPointId' },
      );
    }
    if (input.takenOn > today())
      throw badInput(ErrorCode.INVALID_DATE, 'a sample cannot be dated in the future', 'takenOn');
    if (!(input.freeChlorine >= 0 && input.freeChlorine <= 20))
      throw badInput(ErrorCode.BAD_USER_INPUT, 'freeChlorine is in mg/L, 0 to 20', 'freeChlorine');
    const measured = {
      freeChlorine: input.freeChlorine,
      eColi: assertCount(input.eColi, 'eColi'),
      totalColiforms: assertCount(input.totalColiforms, 'totalColiforms'),
    };
    const failures = failuresOf(measured);
    return recordSample(ctx.db, {
      ...measured,
      pointId: point.id,
      communeCode: point.communeCode,
      takenOn: input.takenOn,
      compliant: failures.length === 0,
      failures,
      recordedBy: agent.sub,
    });
  }

  @Query(() => WaterSampleConnection, {
    description:
      'Drinking-water samples of a commune (4 digits) or a whole wilaya (2 digits, Health only), newest first; nonCompliantOnly for those that failed a threshold.',
  })
  async waterSamples(
    @Arg('area', () => String, {
      description: 'A commune code (4 digits) or a wilaya code (2 digits).',
    })
    area: string,
    @Arg('nonCompliantOnly', () => Boolean, { defaultValue: false }) nonCompliantOnly: boolean,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    if (!/^\d{2}(\d{2})?$/.test(area))
      throw badInput(
        ErrorCode.INVALID_COMMUNE_CODE,
        'area is a commune code (4 digits) or a wilaya code (2 digits)',
        'area',
      );
    // A whole wilaya is no single commune: only a ministry (national reach) reads it.
    assertRecordsOf(ctx, area.length === 2 ? `${area}??` : area);
    const page = readPage(args, { list: 'Query.waterSamples', scope: { area, nonCompliantOnly } });
    const rows = await samplesOf(ctx.db, area, nonCompliantOnly, page);
    return toConnection(rows, page, (s) => compositeKey(s.takenOn, String(s.id)));
  }

  @FieldResolver(() => SamplingPoint)
  samplingPoint(@Root() s: WaterSampleRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.samplingPointById.load(s.pointId);
  }

  @FieldResolver(() => Commune)
  commune(@Root() s: WaterSampleRecord): Commune {
    return { code: s.communeCode };
  }
}

@Resolver(() => HygieneCampaign)
export class HygieneCampaignResolver {
  @Mutation(() => HygieneCampaign, {
    description:
      "Records a disinfection or vector-control campaign in a district of the agent's commune.",
  })
  async recordHygieneCampaign(
    @Arg('input', () => RecordCampaignInput) input: RecordCampaignInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = officeAgent(ctx);
    if (input.endDate < input.startDate)
      throw badInput(ErrorCode.INVALID_DATE, 'endDate comes before startDate', 'endDate');
    if (input.startDate > today())
      throw badInput(ErrorCode.INVALID_DATE, 'a campaign is recorded once started', 'startDate');
    const district = input.district.trim();
    const product = input.product.trim();
    if (!district || district.length > 120)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'district must be 1 to 120 characters', 'district');
    if (!product || product.length > 120)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'product must be 1 to 120 characters', 'product');
    return recordCampaign(ctx.db, {
      communeCode: agent.communeCode,
      kind: input.kind,
      district,
      startDate: input.startDate,
      endDate: input.endDate,
      sitesCovered: assertCount(input.sitesCovered, 'sitesCovered'),
      householdsCovered: assertCount(input.householdsCovered, 'householdsCovered'),
      product,
    });
  }

  @Query(() => HygieneCampaignConnection, {
    description: "A commune's campaigns, newest first: for its hygiene office and for Health.",
  })
  async hygieneCampaigns(
    @Arg('communeCode', () => String) communeCode: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    if (!/^\d{4}$/.test(communeCode))
      throw badInput(ErrorCode.INVALID_COMMUNE_CODE, 'communeCode is 4 digits', 'communeCode');
    assertRecordsOf(ctx, communeCode);
    const page = readPage(args, { list: 'Query.hygieneCampaigns', scope: { communeCode } });
    const rows = await campaignsOf(ctx.db, communeCode, page);
    return toConnection(rows, page, (c) => compositeKey(c.startDate, c.id));
  }
}
