import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { ChecklistResult, EstablishmentCategory, InspectionMeasure } from './establishment.type.js';

@InputType({ description: 'An establishment to put on the hygiene office’s register.' })
export class RegisterEstablishmentInput {
  @Field(() => String)
  name!: string;

  @Field(() => EstablishmentCategory)
  category!: EstablishmentCategory;

  @Field(() => String)
  address!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The operator’s NIN (a person); or give operatorNif.',
  })
  operatorNin?: string | null;

  @Field(() => String, { nullable: true, description: 'The operating company’s NIF (15 digits).' })
  operatorNif?: string | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'The result of one checklist item.' })
export class InspectionItemInput {
  @Field(() => String)
  code!: string;

  @Field(() => ChecklistResult)
  result!: ChecklistResult;
}

@InputType({ description: 'An inspection as the inspector records it.' })
export class RecordInspectionInput {
  @Field(() => String)
  establishmentId!: string;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  date!: string;

  @Field(() => [InspectionItemInput], {
    description: 'Every item of the establishment category’s checklist, once.',
  })
  items!: InspectionItemInput[];

  @Field(() => String)
  findings!: string;

  @Field(() => InspectionMeasure)
  measure!: InspectionMeasure;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Required for FORMAL_NOTICE and CLOSURE_PROPOSED: by when the follow-up takes place.',
  })
  followUpDue?: string | null;

  @Field(() => String, { nullable: true, description: 'The inspection this one follows up.' })
  followUpOf?: string | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'Which establishments of a commune to list.' })
export class EstablishmentFilter {
  @Field(() => EstablishmentCategory, { nullable: true })
  category?: EstablishmentCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those with a follow-up past due.' })
  followUpOverdue?: boolean | null;
}
