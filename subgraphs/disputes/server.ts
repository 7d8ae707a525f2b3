import { runSubgraphProcess } from '../kit/main.js';
import { disputesSubgraph } from './index.js';

await runSubgraphProcess(disputesSubgraph);
