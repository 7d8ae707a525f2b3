import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { benchDatabase, benchKeys, ROOT, startBenchGraph } from './graph.js';
import { runLoad, type Target } from './load.js';
import { cycle, directRequest, gatewayRequest, loadFixtures, makeTokens, W1 } from './workloads.js';

/**
 * npm run bench:hop-floor -- [--rounds R] [--seconds S] [--citizens N]
 *
 * The least any Node.js gateway can add to W1 on this machine: W1 at c = 1 straight to the
 * citizens subgraph, through a bare node:http proxy in a process of its own (keep-alive
 * sockets to the subgraph, no GraphQL, no token: it relays the direct request's bytes),
 * and through our gateway, interleaved; medians of the rounds. What the proxy adds is the
 * floor under any gateway's hop (issue 9's W1 goal: the gateway ≤ 1.3× direct).
 */
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    citizens: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20260101' },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const workDir = join(ROOT, 'bench/results', `hop-floor-${stamp}`);
mkdirSync(workDir, { recursive: true });

const PROXY = `
const http = require('node:http');
const target = new URL(process.env.TARGET);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    delete headers.connection;
    const out = http.request(target, { method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => { res.statusCode = 502; res.end(); });
    out.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

const db = await benchDatabase(Number(args.citizens), Number(args.seed), { say });
const keys = await benchKeys(join(workDir, 'keys'));
const tokens = await makeTokens(keys, randomUUID().slice(0, 8));
const fixtures = await loadFixtures(db.url, 1000);
const graph = await startBenchGraph({
  label: 'hop-floor',
  citizens: Number(args.citizens),
  databaseUrl: db.url,
  keys,
  workDir,
  hive: false,
});
const proxyFile = join(workDir, 'proxy.cjs');
writeFileSync(proxyFile, PROXY);
const citizensUrl = graph.subgraphs.citizens!.url;
const proxy = spawn(process.execPath, [proxyFile], {
  env: { ...process.env, TARGET: citizensUrl },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const [port] = (await once(proxy.stdout!, 'data')) as [Buffer];
  const proxyUrl = `http://127.0.0.1:${String(port).trim()}${new URL(citizensUrl).pathname}`;
  const nins = cycle(fixtures.nins);
  const subgraphPids = Object.values(graph.subgraphs).map((p) => p.pid);
  const direct = await directRequest(tokens, 'citizens', W1, () => ({ nin: nins() }));
  const targets: Target[] = [
    { name: 'direct to citizens', url: citizensUrl, gatewayPid: null, subgraphPids, next: direct },
    {
      name: 'bare node:http proxy',
      url: proxyUrl,
      gatewayPid: proxy.pid!,
      subgraphPids,
      next: direct,
    },
    {
      name: 'our gateway',
      url: graph.gateway.url,
      gatewayPid: graph.gateway.pid,
      subgraphPids,
      next: gatewayRequest(tokens.ministry, W1, () => ({ nin: nins() })),
    },
  ];
  for (const t of targets) await runLoad(t, 4, 5); // warm-up, unmeasured
  const p50s = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  const cpus = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= Number(args.rounds); round++)
    for (const t of [...targets.slice(round % 3), ...targets.slice(0, round % 3)]) {
      const run = await runLoad(t, 1, Number(args.seconds));
      p50s.get(t.name)!.push(run.p50);
      if (run.gatewayCpuMs !== null && run.gatewayCpuMs !== undefined)
        cpus.get(t.name)!.push(run.gatewayCpuMs);
      say(
        `  round ${round} ${t.name}: p50 ${run.p50} ms, ${run.rps.toFixed(0)} rps, ${run.errors} errors`,
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(p50s.get('direct to citizens')!);
  console.log(
    '| contender (W1, c = 1) | p50 ms | / direct | added ms | proxy or gateway CPU-ms/req |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const t of targets) {
    const p50 = median(p50s.get(t.name)!);
    const cpu = cpus.get(t.name)!;
    console.log(
      `| ${t.name} | ${p50.toFixed(2)} | ${(p50 / base).toFixed(2)} | ${(p50 - base).toFixed(2)} | ${cpu.length ? median(cpu).toFixed(2) : '–'} |`,
    );
  }
} finally {
  proxy.kill();
  await graph.stop();
}
