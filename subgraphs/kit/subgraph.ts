import type { Db } from '../../db/client.js';
import type { ConsultationsTable } from '../../db/tables/consultations.js';
import type { SubgraphSchemaParts } from './build-schema.js';
import type { OutboxSource } from './relay.js';

/** What a subgraph folder's index.ts exports: everything needed to build and serve it. */
export interface SubgraphDefinition<Loaders = unknown> {
  /** Also the audience of the internal tokens it accepts, and its name in the supergraph. */
  name: string;
  defaultPort: number;
  /** Built lazily so that importing a subgraph does not build every schema. */
  schemaParts(): SubgraphSchemaParts;
  createLoaders(db: Db): Loaders;
  /** Where this subgraph logs consultations of NIN-linked data; absent for reference data. */
  consultations?: ConsultationsTable;
  /** Where this subgraph queues notifications for the relay; absent when it notifies no one. */
  outbox?: OutboxSource;
}
