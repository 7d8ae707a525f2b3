import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum EstablishmentCategory {
  BAKERY = 'BAKERY',
  BUTCHER = 'BUTCHER',
  RESTAURANT = 'RESTAURANT',
  CAFE = 'CAFE',
  GROCERY = 'GROCERY',
  HAMMAM = 'HAMMAM',
  SCHOOL_CANTEEN = 'SCHOOL_CANTEEN',
}
registerEnumType(EstablishmentCategory, {
  name: 'EstablishmentCategory',
  description: 'The trade of an establishment; each has its inspection checklist.',
});

export enum InspectionMeasure {
  NONE = 'NONE',
  WARNING = 'WARNING',
  FORMAL_NOTICE = 'FORMAL_NOTICE',
  CLOSURE_PROPOSED = 'CLOSURE_PROPOSED',
}
registerEnumType(InspectionMeasure, {
  name: 'InspectionMeasure',
  description:
    'What the inspection decided: nothing, a warning, a formal notice (mise en demeure) with a deadline, or a temporary closure proposed to the wali.',
});

export enum EstablishmentStanding {
  UNRATED = 'UNRATED',
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}
registerEnumType(EstablishmentStanding, {
  name: 'EstablishmentStanding',
  description:
    'From the last score: GOOD ≥ 80, FAIR ≥ 50, POOR below; UNRATED before any inspection.',
});

export interface EstablishmentRecord {
  id: string;
  name: string;
  category: EstablishmentCategory;
  operatorNin: string | null;
  operatorNif: string | null;
  address: string;
  communeCode: string;
  lastScore: number | null;
  lastInspectionDate: string | null;
  lastMeasure: InspectionMeasure | null;
  followUpDue: string | null;
}

@ObjectType({
  description:
    'An establishment open to the public that the hygiene office inspects; its operator is a person (by NIN) or a company (by NIF).',
})
export class Establishment {
  @Field(() => ID, { description: 'EST-CCCC-NNNNNN.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => EstablishmentCategory)
  category!: EstablishmentCategory;

  @Field(() => String)
  address!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The operating company’s NIF, if a company.',
  })
  operatorNif!: string | null;

  @Field(() => Int, { nullable: true, description: 'Score of the last inspection, 0 to 100.' })
  lastScore!: number | null;

  @Field(() => LocalDateResolver, { nullable: true })
  lastInspectionDate!: string | null;

  @Field(() => InspectionMeasure, {
    nullable: true,
    description: 'The measure of the last inspection.',
  })
  lastMeasure!: InspectionMeasure | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the follow-up inspection the last measure calls for is due.',
  })
  followUpDue!: string | null;
}

export const EstablishmentConnection = ConnectionType(
  Establishment,
  'Establishment',
  'establishment',
);

export interface InspectionRecord {
  id: string;
  establishmentId: string;
  communeCode: string;
  date: string;
  inspector: string;
  score: number;
  findings: string;
  measure: InspectionMeasure;
  followUpDue: string | null;
  followUpOf: string | null;
}

export enum ChecklistResult {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(ChecklistResult, { name: 'ChecklistResult' });

@ObjectType({ description: 'The result of one checklist item.' })
export class InspectionItem {
  @Field(() => String, { description: 'The item code, e.g. COLD_CHAIN.' })
  code!: string;

  @Field(() => ChecklistResult)
  result!: ChecklistResult;
}

@ObjectType({ description: 'An inspection of an establishment by the hygiene office.' })
export class Inspection {
  @Field(() => ID, { description: 'INS-CCCC-YYYY-NNNNNN.' })
  id!: string;

  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => String, { description: 'The inspecting agent.' })
  inspector!: string;

  @Field(() => Int, { description: 'Compliant items over applicable ones, in percent.' })
  score!: number;

  @Field(() => String)
  findings!: string;

  @Field(() => InspectionMeasure)
  measure!: InspectionMeasure;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'By when the follow-up inspection this one calls for is due.',
  })
  followUpDue!: string | null;
}

export const InspectionConnection = ConnectionType(Inspection, 'Inspection', 'inspection');
