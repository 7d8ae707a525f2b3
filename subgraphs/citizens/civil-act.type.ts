import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { CivilActRow, MarginalNoteRow } from './civil-act.queries.js';

export enum CivilActKind {
  BIRTH = 'BIRTH',
  MARRIAGE = 'MARRIAGE',
  DEATH = 'DEATH',
}
registerEnumType(CivilActKind, {
  name: 'CivilActKind',
  description: 'The three registers of a civil-status office.',
});

export enum MarginalNoteKind {
  MARRIAGE = 'MARRIAGE',
  DIVORCE = 'DIVORCE',
  DEATH = 'DEATH',
  CORRECTION = 'CORRECTION',
}
registerEnumType(MarginalNoteKind, {
  name: 'MarginalNoteKind',
  description: 'Why a later act wrote a note in the margin of an act.',
});

@ObjectType({
  description:
    'A marginal note (mention marginale): a later act written in the margin of this one, such as a marriage or a death on the birth act.',
})
export class MarginalNote {
  @Field(() => MarginalNoteKind)
  kind!: MarginalNoteKind;

  @Field(() => String, { description: 'The note as written in the register (French).' })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the act that caused the note.',
  })
  sourceActNumber!: string | null;

  @Field(() => LocalDateResolver, { description: 'When the note was written.' })
  notedOn!: string;
}

/** A stored act: links stay as codes and NINs until a field resolver follows them. */
export type CivilActRecord = CivilActRow;
export type MarginalNoteRecord = MarginalNoteRow;

@ObjectType({
  description:
    "An act of a commune's civil-status office: a birth, a marriage or a death. Acts are never changed: a correction is a new act that names the one it corrects.",
})
export class CivilAct {
  @Field(() => String, {
    description: 'Number in its register: <office commune>-<year>-<B|M|D>-<serial>.',
  })
  number!: string;

  @Field(() => CivilActKind)
  kind!: CivilActKind;

  @Field(() => LocalDateResolver, { description: 'When the act was drawn up.' })
  actDate!: string;

  @Field(() => LocalDateResolver, { description: 'When the birth, marriage or death took place.' })
  eventDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The act this one corrects, if it is a correction.',
  })
  corrects!: string | null;
}
