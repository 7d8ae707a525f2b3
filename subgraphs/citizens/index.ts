import 'reflect-metadata';
import { consultations, outbox } from '../../db/tables/citizens.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { resolveCitizenReference } from './citizen.reference.js';
import { CitizenResolver } from './citizen.resolver.js';
import { CitizenActsResolver } from './citizen-acts.resolver.js';
import { CivilActResolver } from './civil-act.resolver.js';
import { ExtractResolver } from './extract.resolver.js';
import { ExtractPrintResolver } from './extract-print.resolver.js';
import { CertificateRequestResolver } from './certificate.resolver.js';
import { CertificateKioskResolver } from './certificate-kiosk.resolver.js';
import { CitizenCertificatesResolver } from './citizen-certificates.resolver.js';
import { CitizenHistoryResolver } from './history.resolver.js';
import { CommuneCitizensResolver } from './commune.resolver.js';
import { createLoaders, type CitizensLoaders } from './loaders.js';
import { permissions } from './permissions.js';

/** The civil registry (RNEC): citizens keyed by NIN, their filiation and civil status. */
export const citizensSubgraph: SubgraphDefinition<CitizensLoaders> = {
  name: 'citizens',
  defaultPort: 4001,
  schemaParts: () => ({
    resolvers: [
      CitizenResolver,
      CitizenActsResolver,
      CivilActResolver,
      ExtractResolver,
      ExtractPrintResolver,
      CertificateRequestResolver,
      CertificateKioskResolver,
      CitizenCertificatesResolver,
      CommuneCitizensResolver,
      CitizenHistoryResolver,
    ],
    references: {
      Citizen: { __resolveReference: resolveCitizenReference },
      // The registry knows a commune only by its code: that is all a reference needs.
      Commune: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
    },
    permissions,
  }),
  createLoaders,
  consultations,
  // Certificate decisions tell the citizen by SMS.
  outbox: { table: outbox, messageIdPrefix: 'citizens-outbox-' },
};
