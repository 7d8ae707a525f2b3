import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Pupils in one grade.' })
export class GradeCount {
  @Field(() => String)
  grade!: string;

  @Field(() => Int)
  pupils!: number;
}

@ObjectType({ description: 'Pupils of one school, against its capacity.' })
export class SchoolCount {
  @Field(() => String)
  schoolCode!: string;

  @Field(() => Int)
  pupils!: number;

  @Field(() => Int)
  capacity!: number;
}

@ObjectType({ description: 'Pupils schooled in one commune.' })
export class CommuneCount {
  @Field(() => String)
  communeCode!: string;

  @Field(() => Int)
  pupils!: number;
}

@ObjectType({ description: "A wilaya's schooling figures for one year (no personal data)." })
export class SchoolingStatistics {
  @Field(() => String)
  year!: string;

  @Field(() => String)
  wilayaCode!: string;

  @Directive('@listSize(assumedSize: 12)')
  @Field(() => [GradeCount])
  byGrade!: GradeCount[];

  @Directive('@listSize(assumedSize: 100)') // a wilaya has at most 67 communes
  @Field(() => [CommuneCount])
  byCommune!: CommuneCount[];

  @Directive('@listSize(assumedSize: 1000)')
  @Field(() => [SchoolCount], { description: 'Every school with pupils that year.' })
  bySchool!: SchoolCount[];

  @Directive('@listSize(assumedSize: 1000)')
  @Field(() => [SchoolCount], { description: 'Schools with more pupils than their capacity.' })
  schoolsOverCapacity!: SchoolCount[];

  @Field(() => Float, {
    nullable: true,
    description: 'Promoted pupils over pupils with a decision; null before any result.',
  })
  promotionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Pupils repeating the year, likewise.' })
  repeatRate!: number | null;
}

@ObjectType({
  description:
    'Children of compulsory school age (6–16) born in a commune, and those with no enrolment.',
})
export class UnenrolledChildren {
  @Field(() => String)
  communeCode!: string;

  @Field(() => String)
  year!: string;

  @Field(() => Int, { description: 'Living children born in the commune, aged 6 to 16 that year.' })
  children!: number;

  @Field(() => Int, { description: 'Those with no enrolment at all that year.' })
  unenrolled!: number;
}
