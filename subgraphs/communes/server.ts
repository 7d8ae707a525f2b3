import { runSubgraphProcess } from '../kit/main.js';
import { communesSubgraph } from './index.js';

await runSubgraphProcess(communesSubgraph);
