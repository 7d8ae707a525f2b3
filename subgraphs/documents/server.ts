import { runSubgraphProcess } from '../kit/main.js';
import { documentsSubgraph } from './index.js';

await runSubgraphProcess(documentsSubgraph);
