import 'reflect-metadata';
import { consultations } from '../../db/tables/associations.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { AssociationResolver } from './association.resolver.js';
import {
  BoardMemberResolver,
  CitizenAssociationsResolver,
  FounderResolver,
} from './board.resolver.js';
import { createLoaders, type AssociationsLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import { AssociationRegistryResolver } from './registry.resolver.js';
import { SubsidyResolver } from './subsidy.resolver.js';

/** The communes' registry of local associations: declarations, decisions, boards, the public registry. */
export const associationsSubgraph: SubgraphDefinition<AssociationsLoaders> = {
  name: 'associations',
  defaultPort: 4009,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      AssociationResolver,
      BoardMemberResolver,
      FounderResolver,
      CitizenAssociationsResolver,
      AssociationRegistryResolver,
      SubsidyResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
};
