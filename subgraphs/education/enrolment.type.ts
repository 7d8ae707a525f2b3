import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';
import type { Grade } from './enrolment.rules.js';

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  TRANSFERRED = 'TRANSFERRED',
  COMPLETED = 'COMPLETED',
  LEFT = 'LEFT',
}
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description:
    'ENROLLED (open), TRANSFERRED (closed by a transfer), COMPLETED (the year ended with a result), LEFT.',
});

export enum Decision {
  PROMOTED = 'PROMOTED',
  REPEATS = 'REPEATS',
  ORIENTED = 'ORIENTED',
}
registerEnumType(Decision, {
  name: 'YearDecision',
  description: "The class council's decision: promoted, repeats the year, or oriented elsewhere.",
});

export interface EnrolmentRecord {
  id: number;
  nin: string;
  schoolCode: string;
  year: string;
  grade: Grade;
  section: string;
  startDate: string;
  endDate: string | null;
  status: `${EnrolmentStatus}`;
  fatherNin: string | null;
  motherNin: string | null;
  average: number | null;
  decision: `${Decision}` | null;
  version: number;
}

@ObjectType({ description: "A pupil's end-of-year result." })
export class EnrolmentResult {
  @Field(() => Float, { description: 'Annual average, out of 20.' })
  average!: number;

  @Field(() => Decision)
  decision!: Decision;
}

@ObjectType({
  description:
    "A pupil's enrolment in a school for a year (OneRoster: an enrollment of role student in the class of its grade and section).",
})
export class Enrolment {
  @Field(() => ID, { description: 'Stable identifier (OneRoster sourcedId).' })
  id!: string;

  @Field(() => String, { description: 'The school year, e.g. "2026-2027".' })
  year!: string;

  @Field(() => String, {
    description: 'Year of schooling: 1AP–5AP (primary), 1AM–4AM (middle), 1AS–3AS (secondary).',
  })
  grade!: string;

  @Field(() => String, { description: 'Class section within the grade, e.g. "A".' })
  section!: string;

  @Field(() => LocalDateResolver)
  startDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it was closed.' })
  endDate!: string | null;

  @Field(() => EnrolmentStatus)
  status!: EnrolmentStatus;
}

export const EnrolmentConnection = ConnectionType(Enrolment, 'Enrolment', 'enrolment');

export enum RowOutcome {
  ENROLLED = 'ENROLLED',
  REFUSED = 'REFUSED',
}
registerEnumType(RowOutcome, { name: 'RowOutcome' });

export interface RowResultRecord {
  index: number;
  nin: string;
  outcome: `${RowOutcome}`;
  code: string | null;
  message: string | null;
  enrolmentId: number | null;
}

@ObjectType({ description: 'What became of one row of a bulk enrolment.' })
export class EnrolmentRowResult {
  @Field(() => Int, { description: 'Position of the row in the input, from 0.' })
  index!: number;

  @Field(() => String, { description: 'The NIN as the row gave it.' })
  nin!: string;

  @Field(() => RowOutcome)
  outcome!: RowOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'Why the row was refused (an error code, see the README).',
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'What to fix, for a refused row.' })
  message!: string | null;
}

@ObjectType({ description: 'The answer to a bulk enrolment: one result per row.' })
export class EnrolPupilsPayload {
  @Field(() => Boolean, { description: 'True when this is the stored answer to a retry.' })
  replayed!: boolean;

  @Field(() => Int)
  enrolled!: number;

  @Field(() => Int)
  refused!: number;

  @Directive('@listSize(assumedSize: 500)') // at most MAX_BULK_ROWS rows
  @Field(() => [EnrolmentRowResult], { description: 'One result per input row, in input order.' })
  results!: RowResultRecord[];
}

@ObjectType({ description: 'A transfer: the closed enrolment and the one opened.' })
export class TransferPayload {
  @Field(() => Boolean)
  replayed!: boolean;

  previousSchoolCode!: string;
  enrolmentId!: number;
}

export enum ChangeKind {
  ENROLLED = 'ENROLLED',
  TRANSFERRED = 'TRANSFERRED',
  RESULT = 'RESULT',
  LEFT = 'LEFT',
}
registerEnumType(ChangeKind, { name: 'ChangeKind' });

export interface ChangeRecord {
  seq: number;
  enrolmentId: number;
  schoolCode: string;
  kind: `${ChangeKind}`;
  at: string;
}

@ObjectType({ description: 'One committed change to an enrolment, in the change feed.' })
export class EnrolmentChange {
  @Field(() => String, {
    description: 'Position in the feed (increasing in commit order, not dense).',
  })
  seq!: string;

  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => String, { description: 'When it was committed (ISO 8601).' })
  at!: string;
}

export const EnrolmentChangeConnection = ConnectionType(
  EnrolmentChange,
  'EnrolmentChange',
  'enrolment change',
);
