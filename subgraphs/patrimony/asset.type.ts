import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ASSET_CATEGORIES,
  CONDITIONS,
  EXPENSE_KINDS,
  LEGAL_STATUSES,
} from '../../db/tables/patrimony.js';
import { Money } from '../kit/money.js';
import { ConnectionType } from '../kit/pagination.js';

const enumOf = <T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const AssetCategory = enumOf(ASSET_CATEGORIES);
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
registerEnumType(AssetCategory, {
  name: 'AssetCategory',
  description:
    'What the asset is. Productive ones earn rent (commercial premises, market stalls, kiosks, slaughterhouses, parking, housing, land); the others serve the public (town hall, school buildings, roads, green spaces, sports grounds…).',
});
export const LegalStatus = enumOf(LEGAL_STATUSES);
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
registerEnumType(LegalStatus, {
  name: 'LegalStatus',
  description: 'Public domain (inalienable, for public use) or private domain of the commune.',
});
export const AssetCondition = enumOf(CONDITIONS);
export type AssetCondition = (typeof CONDITIONS)[number];
registerEnumType(AssetCondition, { name: 'AssetCondition', description: 'State of repair.' });
export const ExpenseKind = enumOf(EXPENSE_KINDS);
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
registerEnumType(ExpenseKind, { name: 'ExpenseKind', description: 'What an expense paid for.' });

export interface AssetRecord {
  inventoryNumber: string;
  communeCode: string;
  category: AssetCategory;
  productive: boolean;
  name: string;
  address: string;
  surfaceSquareMetres: number;
  acquisitionDate: string;
  acquisitionValueCentimes: number;
  legalStatus: LegalStatus;
  condition: AssetCondition;
}

export interface ExpenseRecord {
  id: number;
  assetInventoryNumber: string;
  communeCode: string;
  kind: ExpenseKind;
  spentOn: string;
  amountCentimes: number;
  description: string;
}

@ObjectType({ description: 'A commune (defined by the communes subgraph).' })
@Directive('@key(fields: "code")')
export class Commune {
  @Field(() => String)
  code!: string;
}

@ObjectType({ description: "An asset of a commune's patrimony. Holds no personal data." })
@Directive('@key(fields: "inventoryNumber")')
export class Asset {
  @Field(() => ID, {
    description: 'Inventory number: PAT-<commune>-<serial>, e.g. PAT-1601-000012.',
  })
  inventoryNumber!: string;

  @Field(() => AssetCategory)
  category!: AssetCategory;

  @Field(() => Boolean, { description: 'True when the asset earns rent (it can be leased).' })
  productive!: boolean;

  @Field(() => String, {
    description: 'What the commune calls it ("Kiosque place du 1er Novembre").',
  })
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Int, { description: 'Surface in square metres.' })
  surfaceSquareMetres!: number;

  @Field(() => LocalDateResolver)
  acquisitionDate!: string;

  @Field(() => LegalStatus)
  legalStatus!: LegalStatus;

  @Field(() => AssetCondition)
  condition!: AssetCondition;
}

@ObjectType({ description: 'What an asset cost the commune once: maintenance, works, insurance…' })
export class Expense {
  @Field(() => ID)
  id!: number;

  @Field(() => ExpenseKind)
  kind!: ExpenseKind;

  @Field(() => LocalDateResolver)
  spentOn!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => String)
  description!: string;
}

export const AssetConnection = ConnectionType(Asset, 'Asset', 'asset');
