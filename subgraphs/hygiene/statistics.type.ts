import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { EstablishmentStanding } from './establishment.type.js';
import { HygieneRequestCategory, HygieneRequestStatus } from './request.type.js';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from './workflow.js';

@ObjectType({ description: 'How many requests of a category are in a status.' })
export class RequestCount {
  @Field(() => HygieneRequestCategory)
  category!: string;

  @Field(() => HygieneRequestStatus)
  status!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many establishments have a standing.' })
export class StandingCount {
  @Field(() => EstablishmentStanding)
  standing!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A commune's hygiene figures; no personal data." })
export class HygieneStatistics {
  @Field(() => String)
  communeCode!: string;

  @Directive(`@listSize(assumedSize: ${REQUEST_CATEGORIES.length * REQUEST_STATUSES.length})`)
  @Field(() => [RequestCount], { description: 'Requests by category and status (non-zero only).' })
  requestsByCategoryAndStatus!: RequestCount[];

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from filing to RESOLVED; null before the first one.',
  })
  medianHoursToResolve!: number | null;

  @Field(() => Int, { description: 'Open requests past their deadline now.' })
  overdueRequests!: number;

  @Directive('@listSize(assumedSize: 4)')
  @Field(() => [StandingCount], { description: 'Establishments by standing (last score).' })
  establishmentsByStanding!: StandingCount[];
}
