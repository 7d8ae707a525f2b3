import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { AssetCategory, AssetCondition, ExpenseKind, LegalStatus } from './asset.type.js';

@InputType({ description: "An asset entered in the agent's commune's inventory." })
export class RegisterAssetInput {
  @Field(() => AssetCategory)
  category!: AssetCategory;

  @Field(() => String, { description: 'What the commune calls it; 2 to 120 characters.' })
  name!: string;

  @Field(() => String, { description: '2 to 200 characters.' })
  address!: string;

  @Field(() => Int, { description: 'Surface in square metres: 1 to 10 000 000.' })
  surfaceSquareMetres!: number;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  acquisitionDate!: string;

  @Field(() => String, { description: 'Acquisition value in DZD, e.g. "2500000.00".' })
  acquisitionValue!: string;

  @Field(() => LegalStatus)
  legalStatus!: LegalStatus;

  @Field(() => AssetCondition)
  condition!: AssetCondition;

  @Field(() => String, {
    description: 'A key unique to this request: a retry never registers twice.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'An expense paid for one asset.' })
export class RecordExpenseInput {
  @Field(() => String)
  inventoryNumber!: string;

  @Field(() => ExpenseKind)
  kind!: ExpenseKind;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  spentOn!: string;

  @Field(() => String, { description: 'Amount in DZD, e.g. "45000.00".' })
  amount!: string;

  @Field(() => String, { description: '2 to 200 characters.' })
  description!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: "Narrows a commune's assets." })
export class AssetFilter {
  @Field(() => Boolean, { nullable: true })
  productive?: boolean | null;

  @Field(() => AssetCategory, { nullable: true })
  category?: AssetCategory | null;
}
