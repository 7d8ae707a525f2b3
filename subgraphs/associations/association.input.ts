import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { AssociationDomain, AssociationStatus, BoardRole } from './association.type.js';

@InputType({ description: 'An association declared at the commune by its founders.' })
export class DeclareAssociationInput {
  @Field(() => String, { description: 'Name in French (Latin script), 3 to 150 characters.' })
  name!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => AssociationDomain)
  domain!: AssociationDomain;

  @Field(() => String, { description: 'The seat’s address in the commune.' })
  seat!: string;

  @Field(() => String, { description: 'The statutes (or their summary), up to 20 000 characters.' })
  statutes!: string;

  @Field(() => [String], {
    description: 'The founders’ NINs: at least 10, each a living adult in the civil registry.',
  })
  founders!: string[];

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({
  description: 'The ASSOCIATIONS service registers a declaration or refuses it with a reason.',
})
export class DecideAssociationInput {
  @Field(() => String)
  id!: string;

  @Field(() => AssociationStatus, {
    description: 'REGISTERED or REFUSED (or, later, SUSPENDED, DISSOLVED).',
  })
  status!: AssociationStatus;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Required to refuse, suspend or dissolve.' })
  reason?: string | null;
}

@InputType({ description: 'A seat on a new board.' })
export class BoardMemberInput {
  @Field(() => String)
  nin!: string;

  @Field(() => BoardRole)
  role!: BoardRole;
}

@InputType({ description: 'A board elected by a general assembly: it replaces the sitting one.' })
export class RenewBoardInput {
  @Field(() => String)
  associationId!: string;

  @Field(() => LocalDateResolver, { description: 'The day of the elective general assembly.' })
  electedOn!: string;

  @Field(() => [BoardMemberInput], {
    description: 'Each person once; exactly one PRESIDENT, SECRETARY_GENERAL and TREASURER.',
  })
  members!: BoardMemberInput[];

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'Which of the commune’s associations to list.' })
export class AssociationFilter {
  @Field(() => AssociationStatus, { nullable: true })
  status?: AssociationStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Declarations past the legal delay, undecided.',
  })
  decisionOverdue?: boolean | null;
}

@InputType({ description: 'A subsidy the commune grants a registered association for a year.' })
export class GrantSubsidyInput {
  @Field(() => String)
  associationId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'In dinars, 1 to 1,000,000,000.' })
  amount!: number;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'An association’s annual report, one per year.' })
export class AnnualReportInput {
  @Field(() => String)
  associationId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: 'Activities and accounts, up to 20 000 characters.' })
  summary!: string;
}
