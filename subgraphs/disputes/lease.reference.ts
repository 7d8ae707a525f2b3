import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A lease as this subgraph knows it: its number. The patrimony owns everything else. */
@ObjectType({ description: "A lease of a commune's asset (defined by the patrimony subgraph)." })
@Directive('@key(fields: "number")')
export class LeaseContract {
  @Field(() => ID)
  number!: string;
}

/** The disputes subgraph adds `cases` to a lease; the lease's own visibility is the patrimony's. */
export const leaseReference = {
  __resolveReference: (ref: { number: string }) =>
    typeof ref.number === 'string' ? { number: ref.number } : null,
};
