import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../kit/money.js';
import { AssetCategory } from './asset.type.js';

@ObjectType({ description: 'Revenues and expenses of one asset over the year.' })
export class AssetYear {
  @Field(() => String)
  inventoryNumber!: string;

  @Field(() => AssetCategory)
  category!: AssetCategory;

  @Field(() => Money, { description: 'Rents received (payments dated in the year).' })
  revenues!: Money;

  @Field(() => Money)
  expenses!: Money;

  @Field(() => Money, { description: 'revenues − expenses.' })
  balance!: Money;
}

@ObjectType({ description: 'Revenues and expenses of one category of assets over the year.' })
export class CategoryYear {
  @Field(() => AssetCategory)
  category!: AssetCategory;

  @Field(() => Int)
  assets!: number;

  @Field(() => Money)
  revenues!: Money;

  @Field(() => Money)
  expenses!: Money;

  @Field(() => Money)
  balance!: Money;
}

@ObjectType({
  description:
    "A commune's patrimony over a year: no personal data, readable by any authenticated caller (the Interior's oversight, Finance, the commune).",
})
export class PatrimonyFigures {
  @Field(() => String)
  communeCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Money)
  revenues!: Money;

  @Field(() => Money)
  expenses!: Money;

  @Field(() => Money, {
    description: 'revenues − expenses; negative when the patrimony costs more than it earns.',
  })
  balance!: Money;

  @Field(() => Int, { description: 'Productive assets of the commune.' })
  productiveAssets!: number;

  @Field(() => Int, {
    description:
      'Productive assets with an active lease on the last day of the year (or today, for this year).',
  })
  occupiedAssets!: number;

  @Field(() => Float, { description: 'occupiedAssets / productiveAssets, 0 when there are none.' })
  occupancyRate!: number;

  @Directive('@listSize(assumedSize: 15)') // one per category
  @Field(() => [CategoryYear])
  byCategory!: CategoryYear[];

  // A commune holds a few dozen assets, a large one a few hundred.
  @Directive('@listSize(assumedSize: 100)')
  @Field(() => [AssetYear])
  byAsset!: AssetYear[];
}
