import autocannon from 'autocannon';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuMs, loadAverage, postgresCpuMs, rssSampler } from './proc.js';

/** One request as the load generator sends it: a GraphQL body and its headers. */
export interface GraphRequest {
  body: string;
  headers: Record<string, string>;
}

export interface Target {
  /** The contender's name as the table shows it. */
  name: string;
  url: string;
  /** The gateway's process (null when the load goes straight to a subgraph). */
  gatewayPid: number | null;
  subgraphPids: number[];
  /** Builds the next request; called once per request sent. */
  next: () => GraphRequest;
}

export interface RunResult {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  /** CPU of the gateway process per request, ms (its own /proc figure: survives noise best). */
  gatewayCpuMs: number | null;
  /** CPU of every subgraph process per request, ms. */
  subgraphCpuMs: number | null;
  /** CPU of the local PostgreSQL's processes per request, ms (null for a remote server). */
  databaseCpuMs: number | null;
  gatewayPeakRssMb: number | null;
  /** The load generator's own event-loop delay p99 (ms): high means the figures are its own. */
  driverLoopP99Ms: number;
  load: string;
}

/** Nearest-rank percentiles of `values`, each rounded to 0.01 ms; 0 when nothing was measured. */
export function percentiles(values: number[], ps: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    if (sorted.length === 0) return 0;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return Math.round(sorted[rank]! * 100) / 100;
  });
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

/** Runs one contender at one concurrency for `seconds`, measuring its processes meanwhile. */
export async function runLoad(
  target: Target,
  connections: number,
  seconds: number,
): Promise<RunResult> {
  let bodyErrors = 0;
  const pids = [...(target.gatewayPid ? [target.gatewayPid] : []), ...target.subgraphPids];
  const cpu0 = pids.map(cpuMs);
  const db0 = postgresCpuMs();
  const rss = rssSampler(target.gatewayPid ? [target.gatewayPid] : []);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const first = target.next();
  // autocannon's own percentiles are whole milliseconds, too coarse where a request takes
  // 2 ms: the latencies are kept here as reported, to the microsecond.
  const latencies: number[] = [];
  const job = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: first.headers,
        body: first.body,
        setupRequest: (req) => {
          const r = target.next();
          return { ...req, method: 'POST', headers: r.headers, body: r.body };
        },
        // A GraphQL error comes with status 200: the body says whether the request failed.
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) bodyErrors += 1;
        },
      },
    ],
  });
  job.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  const result = await job;
  loop.disable();
  const peak = rss.stop();
  const cpu1 = pids.map(cpuMs);
  const db1 = postgresCpuMs();
  const [p50, p90, p99] = percentiles(latencies, [50, 90, 99]) as [number, number, number];
  const requests = result.requests.total;
  const per = (value: number) => (requests > 0 ? value / requests : null);
  const gatewayCpu =
    target.gatewayPid && cpu0[0] !== null && cpu1[0] !== null ? per(cpu1[0]! - cpu0[0]!) : null;
  const offset = target.gatewayPid ? 1 : 0;
  const subgraphCpu = per(sum(cpu1.slice(offset)) - sum(cpu0.slice(offset)));
  return {
    name: target.name,
    connections,
    requests,
    rps: requests / (result.duration || seconds),
    p50,
    p90,
    p99,
    errors: result.errors + result.timeouts + result.non2xx + bodyErrors,
    gatewayCpuMs: gatewayCpu,
    subgraphCpuMs: subgraphCpu,
    databaseCpuMs: db0 !== null && db1 !== null ? per(db1 - db0) : null,
    gatewayPeakRssMb: target.gatewayPid ? (peak.get(target.gatewayPid) ?? null) : null,
    driverLoopP99Ms: loop.percentile(99) / 1e6,
    load: loadAverage(),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const medianOrNull = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? median(v) : null;
};

export interface Summary extends RunResult {
  rounds: number;
  /** Load averages seen at the end of each round. */
  loads: string[];
}

/** The median of each figure over the rounds (peak RSS: the maximum). */
export function summarise(runs: RunResult[]): Summary {
  const r0 = runs[0]!;
  // A round in which no answer arrived has no latency (autocannon says 0 ms): leave it out.
  const answered = runs.filter((r) => r.requests > 0);
  const latency = (pick: (r: RunResult) => number) =>
    answered.length ? median(answered.map(pick)) : 0;
  return {
    ...r0,
    rounds: runs.length,
    requests: sum(runs.map((r) => r.requests)),
    rps: median(runs.map((r) => r.rps)),
    p50: latency((r) => r.p50),
    p90: latency((r) => r.p90),
    p99: latency((r) => r.p99),
    errors: sum(runs.map((r) => r.errors)),
    gatewayCpuMs: medianOrNull(runs.map((r) => r.gatewayCpuMs)),
    subgraphCpuMs: medianOrNull(runs.map((r) => r.subgraphCpuMs)),
    databaseCpuMs: medianOrNull(runs.map((r) => r.databaseCpuMs)),
    gatewayPeakRssMb: runs.some((r) => r.gatewayPeakRssMb !== null)
      ? Math.max(...runs.map((r) => r.gatewayPeakRssMb ?? 0))
      : null,
    driverLoopP99Ms: median(runs.map((r) => r.driverLoopP99Ms)),
    load: r0.load,
    loads: runs.map((r) => r.load),
  };
}

/**
 * Runs contenders interleaved: each round runs every contender once, in an order that
 * rotates from round to round, so that drift in the machine's load touches all alike.
 */
export async function interleaved(
  targets: Target[],
  connections: number,
  rounds: number,
  seconds: number,
  warmupSeconds: number,
  say: (line: string) => void,
): Promise<Summary[]> {
  for (const t of targets) await runLoad(t, connections, warmupSeconds);
  const runs = new Map<string, RunResult[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const t of order) {
      const r = await runLoad(t, connections, seconds);
      runs.get(t.name)!.push(r);
      say(
        `  round ${round + 1} ${t.name} c=${connections}: ${r.rps.toFixed(0)} rps, p50 ${r.p50} ms, errors ${r.errors}, load ${r.load}`,
      );
      // autocannon counts only the answers that arrived within the round: none arrived
      // when one request takes longer than the round (a loaded machine), and its 0 ms
      // latencies are then no measurement at all.
      if (r.requests === 0)
        say(
          `  WARNING: no answer arrived within ${seconds} s: this round measured nothing; raise --seconds`,
        );
    }
  }
  return targets.map((t) => summarise(runs.get(t.name)!));
}
