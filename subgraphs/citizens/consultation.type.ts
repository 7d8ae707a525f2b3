import { Field, Float, ObjectType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

@ObjectType({
  description: "One consultation of a citizen's record: who looked, at what, why and when.",
})
export class Consultation {
  @Field(() => String, { description: 'When the data was read (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, { description: 'MINISTRY, AGENT or CITIZEN.' })
  principalKind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The ministry that consulted, when it was one.',
  })
  ministry!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The commune of the agent who consulted, when it was one.',
  })
  communeCode!: string | null;

  @Field(() => [String], { description: 'Field groups read (IDENTITY, FILIATION, …).' })
  groups!: string[];

  @Field(() => String, { description: 'The purpose the caller stated.' })
  purpose!: string;

  @Field(() => String, { description: 'ALLOWED, or REFUSED_QUOTA when the read was refused.' })
  outcome!: string;
}

export const ConsultationConnection = ConnectionType(Consultation, 'Consultation', 'consultation');

@ObjectType({ description: 'Consultations of the registry by one kind of caller over a period.' })
export class ConsultationCount {
  @Field(() => String, { description: 'MINISTRY, AGENT or CITIZEN.' })
  principalKind!: string;

  @Field(() => String, { nullable: true, description: 'The ministry, for ministry rows.' })
  ministry!: string | null;

  @Field(() => Float, { description: 'NIN reads allowed (one per request and NIN).' })
  consultations!: number;

  @Field(() => Float, { description: 'Distinct citizens consulted.' })
  distinctCitizens!: number;

  @Field(() => Float, { description: 'NIN reads refused for exceeding a quota.' })
  refused!: number;
}

@ObjectType({
  description:
    'Consultations of the registry over a period, by the wilaya of birth of the citizens consulted (read from their NIN).',
})
export class WilayaConsultationCount {
  @Field(() => String, { description: 'Two-digit wilaya code.' })
  wilayaCode!: string;

  @Field(() => Float, { description: 'NIN reads allowed (one per request and NIN).' })
  consultations!: number;

  @Field(() => Float, { description: 'Distinct citizens consulted.' })
  distinctCitizens!: number;
}
