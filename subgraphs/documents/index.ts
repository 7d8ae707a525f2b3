import 'reflect-metadata';
import { consultations, outbox } from '../../db/tables/documents.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { ApplicationResolver } from './application.resolver.js';
import { CitizenDocumentsResolver } from './citizen.resolver.js';
import { DocumentResolver } from './document.resolver.js';
import { GuideResolver } from './guide.resolver.js';
import { KioskResolver } from './kiosk.resolver.js';
import { createLoaders, type DocumentsLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';

/** Biometric documents and the guichet électronique: applications, their workflow, the guide. */
export const documentsSubgraph: SubgraphDefinition<DocumentsLoaders> = {
  name: 'documents',
  defaultPort: 4003,
  schemaParts: () => ({
    resolvers: [
      CitizenHistoryResolver,
      DocumentResolver,
      ApplicationResolver,
      KioskResolver,
      CitizenDocumentsResolver,
      GuideResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
  // The ids the SMS provider has seen since before the outbox moved to the kit.
  outbox: { table: outbox, messageIdPrefix: 'outbox-' },
};
