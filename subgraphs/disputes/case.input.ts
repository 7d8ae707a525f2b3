import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import {
  CaseStatus,
  CaseSubject,
  CommuneRole,
  CourtLevel,
  Decision,
  PartyKind,
} from './case.type.js';

@InputType({ description: "A case of the agent's commune, entered by its legal affairs." })
export class OpenCaseInput {
  @Field(() => CommuneRole)
  role!: CommuneRole;

  @Field(() => String)
  court!: string;

  @Field(() => CourtLevel)
  level!: CourtLevel;

  @Field(() => CaseSubject)
  subject!: CaseSubject;

  @Field(() => PartyKind)
  partyKind!: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'For a citizen: their NIN; the registry is consulted.',
  })
  partyNin?: string | null;

  @Field(() => String, { nullable: true, description: 'For a company: its NIF (15 digits).' })
  partyNif?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a company or an administration: its name.',
  })
  partyName?: string | null;

  @Field(() => String)
  lawyer!: string;

  @Field(() => String, { description: 'Amount claimed in DZD, e.g. "250000.00".' })
  amountClaimed!: string;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  openedOn!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({
  description: 'A case against a tenant who left a formal notice unanswered past its deadline.',
})
export class OpenCaseFromNoticeInput {
  @Field(() => String)
  noticeNumber!: string;

  @Field(() => String)
  court!: string;

  @Field(() => String)
  lawyer!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'A hearing held.' })
export class RecordHearingInput {
  @Field(() => String)
  number!: string;

  @Field(() => LocalDateResolver, { description: 'Not in the future.' })
  date!: string;

  @Field(() => String)
  outcome!: string;
}

@InputType({ description: 'The judgment of a case that was heard at its current level.' })
export class RecordJudgmentInput {
  @Field(() => String)
  number!: string;

  @Field(() => LocalDateResolver, {
    description: 'Not in the future, not before the last hearing.',
  })
  date!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => String, { nullable: true, description: 'Amount awarded in DZD, if any.' })
  amountAwarded?: string | null;
}

@InputType({ description: 'Appeal, close, settle or withdraw a case.' })
export class MoveCaseInput {
  @Field(() => String)
  number!: string;

  @Field(() => CaseStatus, { description: 'APPEALED, CLOSED, SETTLED or WITHDRAWN.' })
  to!: CaseStatus;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
