import { runSubgraphProcess } from '../kit/main.js';
import { vehiclesSubgraph } from './index.js';

await runSubgraphProcess(vehiclesSubgraph);
