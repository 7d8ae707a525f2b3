import 'reflect-metadata';
import { consultations } from '../../db/tables/disputes.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { CaseResolver } from './case.resolver.js';
import { CitizenCasesResolver } from './citizen.resolver.js';
import { LeaseCasesResolver } from './lease.resolver.js';
import { createLoaders, type DisputesLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import { DisputesFiguresResolver } from './statistics.resolver.js';

/** The cases (contentieux) in which a commune is plaintiff or defendant. */
export const disputesSubgraph: SubgraphDefinition<DisputesLoaders> = {
  name: 'disputes',
  defaultPort: 4007,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      CaseResolver,
      LeaseCasesResolver,
      CitizenCasesResolver,
      DisputesFiguresResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
};
