import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../kit/money.js';
import { Case } from './case.type.js';

@ObjectType({ description: "A commune's litigation in figures." })
export class DisputesFigures {
  @Field(() => String)
  communeCode!: string;

  @Field(() => Int, { description: 'Cases OPEN or APPEALED.' })
  openCases!: number;

  @Field(() => Money, { description: 'Sum of the amounts claimed in open and appealed cases.' })
  amountAtStake!: Money;

  @Field(() => Int)
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => Int)
  partlyWon!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'won / (won + lost); null before any such judgment.',
  })
  wonLostRatio!: number | null;

  // Judged cases of one commune within a 60-day window.
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [Case], {
    description:
      'Judged cases whose appeal deadline falls within the days asked (those you may read).',
  })
  appealDeadlinesSoon!: Case[];
}
