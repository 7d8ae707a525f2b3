import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { IRules } from './shield.js';
import { buildShield } from './shield.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@listSize", "@inaccessible"])';

// A reference resolver receives the representation and the request context.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (ref: any, ctx: any) => unknown }
>;

export interface SubgraphSchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: ReferenceResolvers;
  permissions: IRules;
}

export interface FederatedSchema {
  /** The executable schema, with the shield applied. */
  schema: GraphQLSchema;
  /** The subgraph SDL, as composition reads it. */
  sdl: string;
}

/**
 * type-graphql → SDL with directives → @apollo/subgraph, the approach of type-graphql's
 * own apollo-federation-2 example; then graphql-shield on top.
 */
export async function buildFederatedSchema(parts: SubgraphSchemaParts): Promise<FederatedSchema> {
  const typeSchema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeSchema)}`);
  const resolvers = createResolversMap(typeSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(parts.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
  return {
    schema: applyMiddleware(subgraph, buildShield(parts.permissions)),
    sdl: printSubgraphSchema(subgraph),
  };
}
