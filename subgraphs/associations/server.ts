import { runSubgraphProcess } from '../kit/main.js';
import { associationsSubgraph } from './index.js';

await runSubgraphProcess(associationsSubgraph);
