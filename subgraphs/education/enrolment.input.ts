import { Field, Float, ID, InputType } from 'type-graphql';
import { SchoolLevel } from './school.type.js';
import { Decision } from './enrolment.type.js';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'One pupil of a bulk enrolment.' })
export class PupilRow {
  @Field(() => String, { description: "The pupil's NIN." })
  nin!: string;

  @Field(() => String, { description: '1AP–5AP, 1AM–4AM or 1AS–3AS; the school must teach it.' })
  grade!: string;

  @Field(() => String, { description: 'Class section: 1 to 3 letters or digits, e.g. "A".' })
  section!: string;
}

@InputType({ description: 'Pupils to enrol in one school for one year (at most 500 rows).' })
export class EnrolPupilsInput {
  @Field(() => String)
  schoolCode!: string;

  @Field(() => String, { description: 'The school year, e.g. "2026-2027".' })
  year!: string;

  @Field(() => [PupilRow])
  pupils!: PupilRow[];
}

@InputType({ description: "Moves a pupil's open enrolment of a year to another school." })
export class TransferPupilInput {
  @Field(() => String)
  nin!: string;

  @Field(() => String, { description: 'The school year of the open enrolment.' })
  year!: string;

  @Field(() => String, { description: 'The school the pupil moves to.' })
  toSchoolCode!: string;

  @Field(() => String, { nullable: true, description: 'Grade there; the same grade by default.' })
  grade?: string | null;

  @Field(() => String, { description: 'Class section there.' })
  section!: string;

  @Field(() => LocalDateResolver, { description: 'The day the pupil moves.' })
  date!: string;

  @Field(() => String, { description: 'Makes a retry safe (8–100 letters, digits, - or _).' })
  idempotencyKey!: string;
}

@InputType({ description: "Records a pupil's end-of-year result, which completes the enrolment." })
export class RecordResultInput {
  @Field(() => ID)
  enrolmentId!: string;

  @Field(() => Float, { description: 'Annual average, 0 to 20.' })
  average!: number;

  @Field(() => Decision)
  decision!: Decision;
}

@InputType({ description: 'Which schools to list.' })
export class SchoolFilter {
  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  wilayaCode?: string | null;

  @Field(() => SchoolLevel, { nullable: true })
  level?: SchoolLevel | null;
}
