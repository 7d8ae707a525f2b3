import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { visibleCitizenReference } from '../kit/identifiers.js';

/** The citizen as this subgraph knows them: the NIN. The registry owns everything else. */
@ObjectType({ description: 'A person in the national civil registry, identified by their NIN.' })
@Directive('@key(fields: "nin")')
export class Citizen {
  @Field(() => ID)
  nin!: string;
}

/** A citizen the caller may not see is null here, exactly as a missing one. */
export const citizenReference = { __resolveReference: visibleCitizenReference };
