import { runSubgraphProcess } from '../kit/main.js';
import { educationSubgraph } from './index.js';

await runSubgraphProcess(educationSubgraph);
