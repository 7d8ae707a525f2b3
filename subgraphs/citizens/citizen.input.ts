import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';
import { Citizen, Sex } from './citizen.type.js';

@InputType({ description: 'Narrows a list of citizens; all given conditions must hold.' })
export class CitizenFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Start of a given or family name, in Arabic or Latin script (at least 2 characters).',
  })
  name?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Exact date of birth.' })
  birthDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Born on or after this date.' })
  bornFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Born on or before this date.' })
  bornTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Official code of the birth commune.' })
  birthCommuneCode?: string | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;
}

@InputType({ description: 'A birth declared at the civil-status office of a commune.' })
export class RegisterBirthInput {
  @Field(() => String, { description: 'Given name in Arabic script.' })
  givenNameAr!: string;

  @Field(() => String, { description: 'Given name in Latin script.' })
  givenNameLat!: string;

  @Field(() => String, {
    nullable: true,
    description: "Family name in Arabic script; the father's when omitted.",
  })
  familyNameAr?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Family name in Latin script; the father's when omitted.",
  })
  familyNameLat?: string | null;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => LocalDateResolver, { description: 'Date of birth; not in the future.' })
  birthDate!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Commune of birth; defaults to the agent's commune, the only one an agent may register in.",
  })
  birthCommuneCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Father's NIN, when filiation to the father is established.",
  })
  fatherNin?: string | null;

  @Field(() => String, { description: "Mother's NIN." })
  motherNin!: string;

  @Field(() => String, {
    description:
      'A key unique to this declaration (a UUID): retrying with it never registers the child twice.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The outcome of registerBirth.' })
export class RegisterBirthPayload {
  @Field(() => Citizen, { description: 'The newborn, with the NIN the platform assigned.' })
  citizen!: Citizen;

  @Field(() => Boolean, {
    description: 'True when this answers a retry of an earlier, identical request.',
  })
  replayed!: boolean;
}

export const CitizenConnection = ConnectionType(Citizen, 'Citizen', 'citizen');
