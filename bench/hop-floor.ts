import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { benchWorkDir, startBenchSession } from './session.js';
import { interleaved, runLoad, type Target } from './load.js';
import { cycle, directRequest, gatewayRequest, W1 } from './workloads.js';

/**
 * npm run bench:hop-floor -- [--rounds R] [--seconds S] [--citizens N]
 *
 * The least any Node.js gateway can add to W1 on this machine: W1 at c = 1 straight to the
 * citizens subgraph, through a bare node:http proxy in a process of its own (keep-alive
 * sockets to the subgraph, no GraphQL, no token: it relays the direct request's bytes),
 * and through our gateway (with its single-fetch path, and without: SINGLE_FETCH=off),
 * interleaved; medians of the rounds. What the proxy adds is the
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
const workDir = benchWorkDir('hop-floor');

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

const { tokens, fixtures, graph } = await startBenchSession({
  label: 'hop-floor',
  workDir,
  citizens: Number(args.citizens),
  seed: Number(args.seed),
  say,
  plannedGateway: true,
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
    {
      name: "our gateway, Apollo Gateway's executor (SINGLE_FETCH=off)",
      url: graph.gatewayPlanned!.url,
      gatewayPid: graph.gatewayPlanned!.pid,
      subgraphPids,
      next: gatewayRequest(tokens.ministry, W1, () => ({ nin: nins() })),
    },
  ];
  // Warm-up at c = 4 (V8 compiles the hot paths), then the rounds at c = 1.
  for (const t of targets) await runLoad(t, 4, 5);
  const summaries = await interleaved(
    targets,
    1,
    Number(args.rounds),
    Number(args.seconds),
    1,
    say,
  );
  const base = summaries[0]!.p50;
  console.log(
    '| contender (W1, c = 1) | p50 ms | / direct | added ms | proxy or gateway CPU-ms/req |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const r of summaries)
    console.log(
      `| ${r.name} | ${r.p50.toFixed(2)} | ${(r.p50 / base).toFixed(2)} | ${(r.p50 - base).toFixed(2)} | ${r.gatewayCpuMs?.toFixed(2) ?? '–'} |`,
    );
} finally {
  proxy.kill();
  await graph.stop();
}
