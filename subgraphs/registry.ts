import { associationsSubgraph } from './associations/index.js';
import { citizensSubgraph } from './citizens/index.js';
import { communesSubgraph } from './communes/index.js';
import { documentsSubgraph } from './documents/index.js';
import { educationSubgraph } from './education/index.js';
import { hygieneSubgraph } from './hygiene/index.js';
import type { SubgraphDefinition } from './kit/subgraph.js';
import { vehiclesSubgraph } from './vehicles/index.js';
import { patrimonySubgraph } from './patrimony/index.js';
import { disputesSubgraph } from './disputes/index.js';

/** Every subgraph of the graph, in the order they start. */
export const subgraphs = [
  citizensSubgraph,
  communesSubgraph,
  documentsSubgraph,
  vehiclesSubgraph,
  patrimonySubgraph,
  disputesSubgraph,
  educationSubgraph,
  hygieneSubgraph,
  associationsSubgraph,
] as SubgraphDefinition[];

/** The outboxes the notification relay serves: every subgraph that notifies someone. */
export const outboxSources = () => subgraphs.flatMap((s) => (s.outbox ? [s.outbox] : []));
