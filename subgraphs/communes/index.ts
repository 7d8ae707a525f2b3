import 'reflect-metadata';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { createLoaders, type CommunesLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './territory.reference.js';
import { CommuneResolver, DairaResolver, WilayaResolver } from './territory.resolver.js';

/** The territory: wilayas, daïras and communes with their names in Arabic, French and Tamazight. */
export const communesSubgraph: SubgraphDefinition<CommunesLoaders> = {
  name: 'communes',
  defaultPort: 4002,
  schemaParts: () => ({
    resolvers: [WilayaResolver, DairaResolver, CommuneResolver],
    references,
    permissions,
  }),
  createLoaders,
};
