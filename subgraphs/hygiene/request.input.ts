import { Field, InputType, Int } from 'type-graphql';
import { HygieneRequestCategory, HygieneRequestStatus } from './request.type.js';

@InputType({ description: "A citizens' request, filed signed in or at the kiosk." })
export class FileHygieneRequestInput {
  @Field(() => String, { description: 'The commune whose hygiene office it is for.' })
  communeCode!: string;

  @Field(() => HygieneRequestCategory)
  category!: HygieneRequestCategory;

  @Field(() => String, { description: 'Where: a street, a landmark (1 to 200 characters).' })
  place!: string;

  @Field(() => String, { description: 'What is wrong (1 to 2000 characters).' })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A mobile number for the SMS at closing and to follow the request. Required at the kiosk (no account).',
  })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The establishment reported, if any (its operator never sees who reported it).',
  })
  establishmentId?: string | null;

  @Field(() => String, {
    description: 'A fresh key per filing: a retry with it files nothing new.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'One step of a request, by the hygiene office of its commune.' })
export class MoveHygieneRequestInput {
  @Field(() => String)
  number!: string;

  @Field(() => HygieneRequestStatus)
  status!: HygieneRequestStatus;

  @Field(() => Int, { description: 'The version you read; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Who works on it (to ASSIGNED).' })
  assignee?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why (required to close: RESOLVED or REJECTED); the requester reads it.',
  })
  justification?: string | null;
}

@InputType({ description: 'Which requests of the queue to list.' })
export class HygieneRequestFilter {
  @Field(() => HygieneRequestStatus, { nullable: true })
  status?: HygieneRequestStatus | null;

  @Field(() => HygieneRequestCategory, { nullable: true })
  category?: HygieneRequestCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only open requests past their deadline.',
  })
  overdue?: boolean | null;
}
