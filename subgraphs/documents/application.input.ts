import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Application, ApplicationReason, ApplicationStatus } from './application.type.js';
import { DocumentType, DrivingCategory } from './document.type.js';

@InputType({ description: 'An application taken at a counter: who, for what, and why.' })
export class SubmitApplicationInput {
  @Field(() => String, {
    description: "The applicant's NIN; the registry is consulted, nothing is typed in.",
  })
  nin!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => [DrivingCategory], {
    nullable: true,
    description: 'Driving licence only: the categories asked for.',
  })
  categories?: DrivingCategory[] | null;

  @Field(() => ApplicationReason)
  reason!: ApplicationReason;

  @Field(() => String, {
    nullable: true,
    description: "The counter's commune; defaults to the agent's own.",
  })
  counterCommuneCode?: string | null;

  @Field(() => String, {
    description:
      'Mobile number for the SMS when the document is ready: 05, 06 or 07 then 8 digits.',
  })
  contactPhone!: string;

  @Field(() => String, {
    description: 'A key unique to this application (a UUID): a retry never files it twice.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The outcome of submitApplication.' })
export class SubmitApplicationPayload {
  @Field(() => Application)
  application!: Application;

  @Field(() => Boolean, {
    description: 'True when this answers a retry of an earlier, identical request.',
  })
  replayed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The kiosk tracking code to print on the receipt (XXXXX-XXXXX). Only its hash is kept, so it is given in the first answer only: null on a replay (ask reissueTrackingCode for a new one).',
  })
  trackingCode!: string | null;
}

@InputType({ description: 'Move an application one step in its workflow.' })
export class ChangeApplicationStatusInput {
  @Field(() => String)
  number!: string;

  @Field(() => ApplicationStatus, {
    description: 'The new status; only the workflow’s next steps are accepted.',
  })
  status!: ApplicationStatus;

  @Field(() => Int, {
    description: 'The version you read: if someone changed it since, you get a CONFLICT.',
  })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Why: required to reject or cancel.' })
  reason?: string | null;
}

@InputType({ description: "Narrows a commune's queue." })
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus | null;

  @Field(() => DocumentType, { nullable: true })
  type?: DocumentType | null;
}
