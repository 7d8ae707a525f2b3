import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int } from 'type-graphql';
import { CampaignKind } from './environment.type.js';

@InputType({ description: 'A drinking-water sample as the laboratory reported it.' })
export class RecordWaterSampleInput {
  @Field(() => String)
  samplingPointId!: string;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  takenOn!: string;

  @Field(() => Float)
  freeChlorine!: number;

  @Field(() => Int)
  eColi!: number;

  @Field(() => Int)
  totalColiforms!: number;
}

@InputType({ description: 'A disinfection or vector-control campaign carried out.' })
export class RecordCampaignInput {
  @Field(() => CampaignKind)
  kind!: CampaignKind;

  @Field(() => String)
  district!: string;

  @Field(() => LocalDateResolver)
  startDate!: string;

  @Field(() => LocalDateResolver)
  endDate!: string;

  @Field(() => Int)
  sitesCovered!: number;

  @Field(() => Int)
  householdsCovered!: number;

  @Field(() => String)
  product!: string;
}
