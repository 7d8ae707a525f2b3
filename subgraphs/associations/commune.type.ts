import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A commune (defined by the communes subgraph).' })
@Directive('@key(fields: "code", resolvable: false)')
export class Commune {
  @Field(() => String)
  code!: string;
}
