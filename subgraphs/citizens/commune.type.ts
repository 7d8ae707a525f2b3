import { Directive, Field, ObjectType } from 'type-graphql';

/** The commune as the registry knows it: only its code. Names come from the communes subgraph. */
@ObjectType({ description: 'A commune of Algeria, keyed by its official code.' })
@Directive('@key(fields: "code")')
export class Commune {
  @Field(() => String, { description: 'Official four-digit code, e.g. "1601" for Alger Centre.' })
  code!: string;
}
