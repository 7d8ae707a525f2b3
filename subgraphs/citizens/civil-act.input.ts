import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { CivilAct } from './civil-act.type.js';

@InputType({ description: "A marriage celebrated before the commune's civil-status officer." })
export class RegisterMarriageInput {
  @Field(() => String, { description: "The husband's NIN." })
  husbandNin!: string;

  @Field(() => String, { description: "The wife's NIN." })
  wifeNin!: string;

  @Field(() => LocalDateResolver, { description: 'Date of the marriage; not in the future.' })
  marriageDate!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'To correct a marriage act: its number. The new act replaces it; the persons must be the same.',
  })
  corrects?: string | null;

  @Field(() => String, {
    description:
      'A key unique to this act (a UUID): retrying with it never draws the act up twice.',
  })
  idempotencyKey!: string;
}

@InputType({
  description: 'A death declared at the civil-status office of the commune where it occurred.',
})
export class RegisterDeathInput {
  @Field(() => String, { description: "The deceased's NIN." })
  deceasedNin!: string;

  @Field(() => LocalDateResolver, {
    description: 'Date of death; not in the future, not before the birth.',
  })
  deathDate!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Commune of death; defaults to the agent's commune, whose office alone records deaths there.",
  })
  deathCommuneCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'To correct a death act: its number. The new act replaces it.',
  })
  corrects?: string | null;

  @Field(() => String, {
    description:
      'A key unique to this act (a UUID): retrying with it never draws the act up twice.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The outcome of registerMarriage or registerDeath.' })
export class CivilActPayload {
  @Field(() => CivilAct, { description: 'The act drawn up.' })
  act!: CivilAct;

  @Field(() => Boolean, {
    description: 'True when this answers a retry of an earlier, identical request.',
  })
  replayed!: boolean;
}
