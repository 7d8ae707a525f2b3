import { runSubgraphProcess } from '../kit/main.js';
import { citizensSubgraph } from './index.js';

await runSubgraphProcess(citizensSubgraph);
