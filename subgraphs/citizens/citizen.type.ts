import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded in the civil registry.' });

export enum MaritalStatus {
  SINGLE = 'SINGLE',
  MARRIED = 'MARRIED',
  DIVORCED = 'DIVORCED',
  WIDOWED = 'WIDOWED',
}
registerEnumType(MaritalStatus, {
  name: 'MaritalStatus',
  description: 'Civil status (état matrimonial).',
});

/** The registry row behind a Citizen: links to other records are kept as codes and NINs. */
export interface CitizenRecord {
  nin: string;
  givenNameAr: string;
  familyNameAr: string;
  givenNameLat: string;
  familyNameLat: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  birthCommuneCode: string;
  fatherNin: string | null;
  motherNin: string | null;
  maritalStatus: 'SINGLE' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
  deathDate: string | null;
  spouseNin: string | null;
}

@ObjectType({
  description:
    'A person in the national civil registry (RNEC), identified by their NIN. Other subgraphs add their own fields (documents, vehicles…).',
})
@Directive('@key(fields: "nin")')
export class Citizen {
  @Field(() => ID, {
    description:
      'National identification number: 18 digits, the last two a check (see the README).',
  })
  nin!: string;

  @Field(() => String, { description: 'Given name in Arabic script (الاسم).' })
  givenNameAr!: string;

  @Field(() => String, { description: 'Family name in Arabic script (اللقب).' })
  familyNameAr!: string;

  @Field(() => String, { description: 'Given name in Latin script (prénom).' })
  givenNameLat!: string;

  @Field(() => String, { description: 'Family name in Latin script (nom).' })
  familyNameLat!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => LocalDateResolver, { description: 'Date of birth (YYYY-MM-DD).' })
  birthDate!: string;

  @Field(() => MaritalStatus)
  maritalStatus!: MaritalStatus;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Date of death; null while alive.',
  })
  deathDate!: string | null;
}
