import { citizensSubgraph } from './citizens/index.js';
import { communesSubgraph } from './communes/index.js';
import { documentsSubgraph } from './documents/index.js';
import { educationSubgraph } from './education/index.js';
import type { SubgraphDefinition } from './kit/subgraph.js';
import { vehiclesSubgraph } from './vehicles/index.js';

/** Every subgraph of the graph, in the order they start. */
export const subgraphs = [
  citizensSubgraph,
  communesSubgraph,
  documentsSubgraph,
  vehiclesSubgraph,
  educationSubgraph,
] as SubgraphDefinition[];
