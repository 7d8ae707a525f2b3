import { runSubgraphProcess } from '../kit/main.js';
import { patrimonySubgraph } from './index.js';

await runSubgraphProcess(patrimonySubgraph);
