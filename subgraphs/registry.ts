import { citizensSubgraph } from './citizens/index.js';
import { communesSubgraph } from './communes/index.js';
import type { SubgraphDefinition } from './kit/subgraph.js';

/** Every subgraph of the graph, in the order they start. */
export const subgraphs: SubgraphDefinition[] = [
  citizensSubgraph,
  communesSubgraph,
] as SubgraphDefinition[];
