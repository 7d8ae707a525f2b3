import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchWorkDir, startBenchSession } from './session.js';
import { runLoad, type Target } from './load.js';
import { loadAverage } from './proc.js';
import {
  cycle,
  directRequest,
  gatewayRequest,
  KEPT_COMMUNE,
  UNAUDITED,
  W1,
  W2,
} from './workloads.js';

/**
 * npm run bench:profile -- [--workload W1|W2|UNAUDITED|KEPT_COMMUNE|W1direct] [--connections C]
 *                          [--seconds S] [--citizens N] [--top K]
 *
 * Where the time goes: runs one workload against the graph (separate production processes,
 * as the bench starts them) with V8's CPU profiler in the gateway and every subgraph, then
 * prints, per process, CPU-ms per request and the functions and packages with the most
 * self time. The .cpuprofile files stay under bench/results/ for Chrome's DevTools.
 */
const { values: args } = parseArgs({
  options: {
    workload: { type: 'string', default: 'W1' },
    connections: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '15' },
    citizens: { type: 'string', default: '10000' },
    top: { type: 'string', default: '15' },
    seed: { type: 'string', default: '20260101' },
    // Without the profiler: CPU-ms per request as the bench measures them, nothing else.
    plain: { type: 'boolean', default: false },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);
const workDir = benchWorkDir('profile');
const profDir = join(workDir, 'cpuprofiles');
mkdirSync(profDir, { recursive: true });

const { tokens, fixtures, graph } = await startBenchSession({
  label: 'profile',
  workDir,
  citizens: Number(args.citizens),
  seed: Number(args.seed),
  say,
  nodeArgs: (name) =>
    args.plain
      ? []
      : [
          '--cpu-prof',
          `--cpu-prof-dir=${profDir}`,
          `--cpu-prof-name=${name}.cpuprofile`,
          '--cpu-prof-interval=500',
        ],
});

const nins = cycle(fixtures.nins);
const communes = cycle(fixtures.communes);
const schools = cycle(fixtures.schools);
const subgraphPids = Object.values(graph.subgraphs).map((p) => p.pid);
const through = (query: string, vars: () => Record<string, unknown>): Target => ({
  name: 'gateway',
  url: graph.gateway.url,
  gatewayPid: graph.gateway.pid,
  subgraphPids,
  next: gatewayRequest(tokens.ministry, query, vars),
});
const targets: Record<string, () => Promise<Target>> = {
  W1: async () => through(W1, () => ({ nin: nins() })),
  W2: async () => through(W2, () => ({ nin: nins() })),
  UNAUDITED: async () => through(UNAUDITED, () => ({ code: schools() })),
  KEPT_COMMUNE: async () => through(KEPT_COMMUNE, () => ({ code: communes() })),
  W1direct: async () => ({
    name: 'direct',
    url: graph.subgraphs.citizens!.url,
    gatewayPid: null,
    subgraphPids,
    next: await directRequest(tokens, 'citizens', W1, () => ({ nin: nins() })),
  }),
};
const make = targets[args.workload!];
if (!make) throw new Error(`--workload must be one of ${Object.keys(targets).join(', ')}`);
const target = await make();
let requests = 0;
// The measured run, on the monotonic clock V8's profiles use too (µs): start-up and
// warm-up samples fall outside it and are left out.
const window = { from: 0n, to: 0n };
try {
  // Warm-up: plans, pools, and V8's compilation of the hot paths, which takes a thousand
  // requests or so (c = 1 for 3 s left our gateway's p50 a third above its warm figure).
  await runLoad(target, Math.max(4, Number(args.connections)), 5);
  say(`profiling ${args.workload} at c=${args.connections} for ${args.seconds} s…`);
  window.from = process.hrtime.bigint() / 1000n;
  const run = await runLoad(target, Number(args.connections), Number(args.seconds));
  window.to = process.hrtime.bigint() / 1000n;
  say(
    `${run.requests} requests, ${run.rps.toFixed(0)} RPS, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors} errors, gateway ${run.gatewayCpuMs?.toFixed(2) ?? '–'} CPU-ms/req, subgraphs ${run.subgraphCpuMs?.toFixed(2)} CPU-ms/req, database ${run.databaseCpuMs?.toFixed(2) ?? '–'} CPU-ms/req, load ${run.load}`,
  );
  requests = run.requests;
} finally {
  await graph.stop();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which package (or our own directory) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node';
  const own = url.match(/\/(gateway|subgraphs\/[^/]+|db|schema)\//);
  return own ? own[1]! : url.replace(/^.*\//, '');
}

for (const file of readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    if (at < window.from || at > window.to) return;
    self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]!);
  });
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    total += us;
    const where = `${name} ${owner(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fns.set(where, (fns.get(where) ?? 0) + us);
    const pkg = name === '(garbage collector)' ? '(gc)' : owner(n.callFrame.url);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  if (total < 20_000) continue; // a process the workload hardly touched
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(args.top))
      .map(([k, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  const perRequest = requests ? ` (${(total / 1000 / requests).toFixed(2)} ms per request)` : '';
  console.log(
    `\n## ${file.replace('.cpuprofile', '')}: ${(total / 1000).toFixed(0)} ms busy${perRequest}`,
  );
  console.log(`by package:\n${top(pkgs)}\nby function (self time):\n${top(fns)}`);
}
console.log(`\n${requests} requests profiled; load ${loadAverage()}; profiles in ${profDir}`);
