import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The citizen as this subgraph knows them: the NIN. The registry owns everything else. */
@ObjectType({ description: 'A person in the national civil registry, identified by their NIN.' })
@Directive('@key(fields: "nin")')
export class Citizen {
  @Field(() => ID)
  nin!: string;
}
