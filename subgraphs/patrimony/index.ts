import 'reflect-metadata';
import { consultations, outbox } from '../../db/tables/patrimony.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { AssetResolver } from './asset.resolver.js';
import { CitizenLeasesResolver } from './citizen.resolver.js';
import { LeaseResolver } from './lease.resolver.js';
import { createLoaders, type PatrimonyLoaders } from './loaders.js';
import { NoticeResolver } from './notice.resolver.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import { PatrimonyFiguresResolver } from './statistics.resolver.js';

/** A commune's patrimony: assets, leases, rents, expenses, formal notices to tenants in arrears. */
export const patrimonySubgraph: SubgraphDefinition<PatrimonyLoaders> = {
  name: 'patrimony',
  defaultPort: 4006,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      AssetResolver,
      LeaseResolver,
      NoticeResolver,
      CitizenLeasesResolver,
      PatrimonyFiguresResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
  outbox: { table: outbox, messageIdPrefix: 'patrimony-outbox-' },
};
