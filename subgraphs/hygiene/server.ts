import { runSubgraphProcess } from '../kit/main.js';
import { hygieneSubgraph } from './index.js';

await runSubgraphProcess(hygieneSubgraph);
