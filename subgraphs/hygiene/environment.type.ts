import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';
import { WATER_THRESHOLDS } from './thresholds.js';

export enum SamplingPointKind {
  NETWORK_TAP = 'NETWORK_TAP',
  RESERVOIR = 'RESERVOIR',
  WELL = 'WELL',
  SPRING = 'SPRING',
}
registerEnumType(SamplingPointKind, { name: 'SamplingPointKind' });

export enum WaterThreshold {
  FREE_CHLORINE_LOW = 'FREE_CHLORINE_LOW',
  FREE_CHLORINE_HIGH = 'FREE_CHLORINE_HIGH',
  E_COLI = 'E_COLI',
  TOTAL_COLIFORMS = 'TOTAL_COLIFORMS',
}
registerEnumType(WaterThreshold, {
  name: 'WaterThreshold',
  description: Object.entries(WATER_THRESHOLDS)
    .map(([code, t]) => `${code}: ${t.says}`)
    .join('; '),
});

export enum CampaignKind {
  DISINFECTION = 'DISINFECTION',
  RODENT_CONTROL = 'RODENT_CONTROL',
  INSECT_CONTROL = 'INSECT_CONTROL',
}
registerEnumType(CampaignKind, {
  name: 'CampaignKind',
  description: 'Disinfection, or vector control (rodents, insects such as mosquitoes).',
});

export interface SamplingPointRecord {
  id: string;
  name: string;
  kind: SamplingPointKind;
  communeCode: string;
}

export interface WaterSampleRecord {
  id: number;
  pointId: string;
  communeCode: string;
  takenOn: string;
  freeChlorine: number;
  eColi: number;
  totalColiforms: number;
  compliant: boolean;
  failures: string[];
  recordedBy: string;
}

export interface CampaignRecord {
  id: string;
  communeCode: string;
  kind: CampaignKind;
  district: string;
  startDate: string;
  endDate: string;
  sitesCovered: number;
  householdsCovered: number;
  product: string;
}

@ObjectType({ description: 'A point where the hygiene office samples drinking water.' })
export class SamplingPoint {
  @Field(() => ID, { description: 'SP-CCCC-NN.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SamplingPointKind)
  kind!: SamplingPointKind;
}

@ObjectType({ description: 'A drinking-water sample and whether it meets the thresholds.' })
export class WaterSample {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateResolver)
  takenOn!: string;

  @Field(() => Float, { description: 'Free residual chlorine, mg/L.' })
  freeChlorine!: number;

  @Field(() => Int, { description: 'E. coli, CFU per 100 mL.' })
  eColi!: number;

  @Field(() => Int, { description: 'Total coliforms, CFU per 100 mL.' })
  totalColiforms!: number;

  @Field(() => Boolean, { description: 'False when any threshold is failed.' })
  compliant!: boolean;

  @Directive(`@listSize(assumedSize: ${Object.keys(WATER_THRESHOLDS).length})`)
  @Field(() => [WaterThreshold], { description: 'The thresholds failed, if any.' })
  failures!: string[];
}

export const WaterSampleConnection = ConnectionType(WaterSample, 'WaterSample', 'water sample');

@ObjectType({
  description: 'A disinfection or vector-control campaign in a district of a commune.',
})
export class HygieneCampaign {
  @Field(() => ID, { description: 'CMP-CCCC-YYYY-NNNN.' })
  id!: string;

  @Field(() => CampaignKind)
  kind!: CampaignKind;

  @Field(() => String, { description: 'The district (quartier) covered.' })
  district!: string;

  @Field(() => LocalDateResolver)
  startDate!: string;

  @Field(() => LocalDateResolver)
  endDate!: string;

  @Field(() => Int, { description: 'Public buildings, streets or sites treated.' })
  sitesCovered!: number;

  @Field(() => Int, { description: 'Households covered.' })
  householdsCovered!: number;

  @Field(() => String, { description: 'The product used.' })
  product!: string;
}

export const HygieneCampaignConnection = ConnectionType(
  HygieneCampaign,
  'HygieneCampaign',
  'hygiene campaign',
);
