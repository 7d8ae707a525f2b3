import 'reflect-metadata';
import { consultations, outbox } from '../../db/tables/hygiene.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { CitizenHygieneResolver } from './citizen.resolver.js';
import { HygieneCampaignResolver, WaterSampleResolver } from './environment.resolver.js';
import { EstablishmentResolver } from './establishment.resolver.js';
import { InspectionResolver } from './inspection.resolver.js';
import { HygieneKioskResolver } from './kiosk.resolver.js';
import { createLoaders, type HygieneLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import { HygieneRequestResolver } from './request.resolver.js';
import { HygieneStatisticsResolver } from './statistics.resolver.js';

/** The commune's hygiene office: establishments and inspections, water, campaigns, citizens' requests. */
export const hygieneSubgraph: SubgraphDefinition<HygieneLoaders> = {
  name: 'hygiene',
  defaultPort: 4008,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      HygieneRequestResolver,
      HygieneKioskResolver,
      EstablishmentResolver,
      InspectionResolver,
      WaterSampleResolver,
      HygieneCampaignResolver,
      HygieneStatisticsResolver,
      CitizenHygieneResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
  outbox: { table: outbox, messageIdPrefix: 'hygiene-outbox-' },
};
