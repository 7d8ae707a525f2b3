import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { buildFederatedSchema } from '../subgraphs/kit/build-schema.js';
import { subgraphs } from '../subgraphs/registry.js';

export interface Composition {
  subgraphSdls: Record<string, string>;
  supergraphSdl: string;
}

/** The URL written into the supergraph; deployments override it per subgraph. */
export const defaultSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Builds every subgraph's SDL and composes them; fails with composition's own messages. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphSdls: Record<string, string> = {};
  for (const def of subgraphs)
    subgraphSdls[def.name] = (await buildFederatedSchema(def.schemaParts())).sdl;
  const result = composeServices(
    subgraphs.map((def) => ({
      name: def.name,
      url: defaultSubgraphUrl(def.defaultPort),
      typeDefs: parse(subgraphSdls[def.name]!),
    })),
  );
  if (result.errors) {
    throw new Error(
      `composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return { subgraphSdls, supergraphSdl: result.supergraphSdl };
}

/**
 * The schema clients see (the gateway's API schema): no join__/link__ internals, no
 * _entities. Front-end teams generate their types from it (web/, README).
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema())}\n`;
}
