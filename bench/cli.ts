import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabase, benchKeys, ROOT, startBenchGraph, type BenchGraph } from './graph.js';
import { measureCounts, type Count } from './counts.js';
import { interleaved, runLoad, type Target } from './load.js';
import { cpuMs, loadAverage, rssMb } from './proc.js';
import { countsTable, latencyChart, markdownTable, type Row } from './report.js';
import {
  cycle,
  directRequest,
  gatewayRequest,
  loadFixtures,
  makeTokens,
  PURPOSE,
  UNAUDITED,
  KEPT_COMMUNE,
  W1,
  W2,
  W4,
  type Fixtures,
  type Tokens,
} from './workloads.js';

/**
 * npm run bench [-- --quick] [--citizens N] [--rounds R] [--seconds S] [--fresh]
 *                [--scale [--scale-citizens N]] [--soak SECONDS] [--only W1,W2,audit,W4,W5,counts]
 *
 * Starts the graph as production runs it (separate processes, PostgreSQL), seeds it, and
 * measures the workloads of PERFORMANCE.md with the contenders interleaved and the
 * median of several rounds. Prints a Markdown table; writes JSON and an SVG chart under
 * bench/results/.
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    citizens: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    'scale-citizens': { type: 'string', default: '1000000' },
    soak: { type: 'string' },
    seed: { type: 'string', default: '20260101' },
    // Some sections only, while working on one of them (the table then has only those).
    only: { type: 'string' },
  },
});
const sections = new Set((args.only ?? 'W1,W2,audit,W4,W5,counts').split(','));
const runs = (section: string) => sections.has(section);
const quick = args.quick!;
/** The concurrencies a section runs at: none when it is not asked for. */
const levels = (section: string, whenQuick: number[], full: number[]) =>
  !runs(section) ? [] : quick ? whenQuick : full;
const citizens = Number(args.citizens ?? (quick ? 10_000 : 100_000));
const rounds = Number(args.rounds ?? (quick ? 3 : 5));
const seconds = Number(args.seconds ?? (quick ? 3 : 10));
const warmup = quick ? 1 : 3;
const seed = Number(args.seed);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = join(ROOT, 'bench/results');
const workDir = join(outDir, `work-${stamp}`);
mkdirSync(workDir, { recursive: true });
const say = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

say(
  `bench: ${quick ? 'quick' : 'full'}, ${citizens} citizens, ${rounds} rounds of ${seconds} s, load ${loadAverage()}`,
);
const db = await benchDatabase(citizens, seed, { fresh: args.fresh!, say });
const keys = await benchKeys(join(workDir, 'keys'));
const runId = randomUUID().slice(0, 8);
const tokens = await makeTokens(keys, runId);
const fixtures = await loadFixtures(db.url, 1000);

if (runs('counts')) say('counting statements and fetches per request (in-process graph)…');
const counts = runs('counts') ? await measureCounts(db.url, keys, tokens, fixtures) : [];
for (const c of counts)
  say(
    `  ${c.workload}: ${c.statements} statements, ${c.fetches} fetches${c.records !== undefined ? `, ${c.records} records` : ''}${c.errors ? `, ${c.errors} ERRORS` : ''}`,
  );

say('starting the graph as separate processes…');
const graph = await startBenchGraph({
  label: 'main',
  citizens,
  databaseUrl: db.url,
  keys,
  workDir,
  hive: true,
});
const rows: Row[] = [];
const extra: Record<string, unknown> = {};
const add = (workload: string, summaries: Awaited<ReturnType<typeof interleaved>>) =>
  rows.push(...summaries.map((s) => ({ ...s, workload })));

const subgraphPids = (g: BenchGraph) => Object.values(g.subgraphs).map((p) => p.pid);
const nin = (f: Fixtures) => {
  const next = cycle(f.nins);
  return () => ({ nin: next() });
};
const ours = (
  g: BenchGraph,
  name: string,
  query: string,
  vars: () => Record<string, unknown>,
  token = tokens.ministry,
  purpose: string | null = PURPOSE,
): Target => ({
  name,
  url: g.gateway.url,
  gatewayPid: g.gateway.pid,
  subgraphPids: subgraphPids(g),
  next: gatewayRequest(token, query, vars, purpose),
});
const hive = (
  g: BenchGraph,
  dedup: boolean,
  name: string,
  query: string,
  vars: () => Record<string, unknown>,
): Target => {
  const p = dedup ? g.hiveDedup! : g.hive!;
  return {
    name,
    url: p.url,
    gatewayPid: p.pid,
    subgraphPids: subgraphPids(g),
    next: gatewayRequest(tokens.ministry, query, vars),
  };
};

try {
  const direct: Target = {
    name: 'direct to citizens',
    url: graph.subgraphs.citizens!.url,
    gatewayPid: null,
    subgraphPids: subgraphPids(graph),
    next: await directRequest(tokens, 'citizens', W1, nin(fixtures)),
  };
  const w1Targets = [
    direct,
    ours(graph, 'our gateway', W1, nin(fixtures)),
    hive(graph, false, 'Hive Gateway (dedup off)', W1, nin(fixtures)),
  ];
  const w2Targets = [
    ours(graph, 'our gateway', W2, nin(fixtures)),
    hive(graph, false, 'Hive Gateway (dedup off)', W2, nin(fixtures)),
    hive(graph, true, 'Hive Gateway (dedup on)', W2, nin(fixtures)),
  ];
  // Every process has just started: V8 compiles their hot paths over the first thousand
  // requests or so, and a contender measured before that is measured cold (at c = 1 our
  // gateway's p50 went 6.0 -> 4.6 -> 3.3 ms over three rounds after a 2 s warm-up). So each
  // process serves W1 and W2 a while first, unmeasured.
  if (runs('W1') || runs('W2') || runs('audit')) {
    say('warming every process up (W1 and W2 at c=4, unmeasured)…');
    for (const t of [...w1Targets, ...w2Targets]) await runLoad(t, 4, quick ? 3 : 5);
  }

  // W1: the gateway hop. The same query straight to the citizens subgraph and through the
  // gateway; Hive Gateway's hop beside it, for what another gateway adds on this machine.
  if (runs('W1')) say('W1: direct vs through the gateway');
  for (const c of levels('W1', [1], [1, 32]))
    add(
      'W1',
      await interleaved(
        w1Targets,
        c,
        // At c = 1 a round's p50 moves with every scheduling hiccup of three processes on
        // two cores (1.43 and 1.86 in two quick runs an hour apart): five rounds at least.
        Math.max(rounds, 5),
        seconds,
        warmup,
        say,
      ),
    );

  // W2: a realistic cross-subgraph read, our gateway against Hive Gateway on the same subgraphs.
  if (runs('W2')) say('W2: our gateway vs Hive Gateway');
  for (const c of levels('W2', [8], [1, 32]))
    add('W2', await interleaved(w2Targets, c, rounds, seconds, warmup, say));

  // The audit's ceiling: an audited read (W1) against an unaudited single-entity read.
  if (runs('audit')) say('audit: audited W1 vs an unaudited read, by concurrency');
  const communes = cycle(fixtures.communes);
  const schools = cycle(fixtures.schools);
  for (const c of levels('audit', [32], [1, 8, 32, 64]))
    add(
      'audit',
      await interleaved(
        [
          ours(graph, 'audited W1', W1, nin(fixtures)),
          ours(graph, 'unaudited read', UNAUDITED, () => ({ code: schools() })),
          ours(graph, 'commune kept in memory', KEPT_COMMUNE, () => ({ code: communes() })),
        ],
        c,
        rounds,
        seconds,
        warmup,
        say,
      ),
    );

  // W4: the write path; each request a fresh applicant and idempotency key, agents of several communes.
  if (runs('W4')) say('W4: submissions');
  const applicants = cycle(fixtures.applicants.slice(0, -1));
  const agents = cycle(tokens.agents);
  const submit: Target = {
    name: 'our gateway',
    url: graph.gateway.url,
    gatewayPid: graph.gateway.pid,
    subgraphPids: subgraphPids(graph),
    next: () => {
      const a = applicants();
      return gatewayRequest(
        agents(),
        W4,
        () => ({
          input: {
            nin: a.nin,
            type: a.type,
            reason: 'FIRST',
            contactPhone: '0661234567',
            idempotencyKey: randomUUID(),
          },
        }),
        'COUNTER_SERVICE',
      )();
    },
  };
  if (runs('W4')) add('W4', await interleaved([submit], 4, 1, seconds, 0, say));

  // W5: distinct operations, each sent once: what cold query planning costs.
  const distinct = quick ? 200 : 1000;
  if (runs('W5')) {
    say(`W5: ${distinct} distinct operations, each once, our gateway vs Hive Gateway`);
    extra.W5 = await coldPlanning(graph, tokens, fixtures, distinct);
  }

  if (args.scale) {
    const big = Number(args['scale-citizens']);
    say(`S: W1 and W2 at ${citizens} vs ${big} citizens`);
    const bigDb = await benchDatabase(big, seed, { fresh: false, say });
    const bigFixtures = await loadFixtures(bigDb.url, 1000);
    const bigGraph = await startBenchGraph({
      label: 'big',
      citizens: big,
      databaseUrl: bigDb.url,
      keys,
      workDir,
      hive: false,
    });
    try {
      // The small graph has served every fixture NIN many times by now (warm buffers, NINs
      // counted in the client's quota window); the big one none. Each NIN is read once
      // through both first, so that S compares sizes of data, not a cold start with a warm one.
      say('  S: every fixture NIN read once through both graphs first');
      await Promise.all([
        readEach(ours(graph, 'warm', W2, nin(fixtures)), fixtures.nins.length),
        readEach(ours(bigGraph, 'warm', W2, nin(bigFixtures)), bigFixtures.nins.length),
      ]);
      for (const [w, q] of [
        ['S W1', W1],
        ['S W2', W2],
      ] as const)
        add(
          w,
          await interleaved(
            [
              ours(graph, `${citizens} citizens`, q, nin(fixtures)),
              ours(bigGraph, `${big} citizens`, q, nin(bigFixtures)),
            ],
            1,
            rounds,
            seconds,
            warmup,
            say,
          ),
        );
      extra.seedSeconds = { [big]: bigDb.seconds };
    } finally {
      await bigGraph.stop();
    }
  }

  if (args.soak) {
    const soakSeconds = Number(args.soak);
    say(`memory soak: W2 at c=32 for ${soakSeconds} s, gateway RSS every 10 s`);
    extra.soak = await soak(graph, ours(graph, 'our gateway', W2, nin(fixtures)), soakSeconds);
  }
} finally {
  await graph.stop();
}

const table = markdownTable(rows, counts);
const ratio = (
  w: string,
  a: string,
  b: string,
  key: 'rps' | 'p50' | 'gatewayCpuMs',
  c?: number,
) => {
  const find = (n: string) =>
    rows.find((r) => r.workload === w && r.name === n && (c === undefined || r.connections === c));
  const x = find(a)?.[key];
  const y = find(b)?.[key];
  return x && y ? x / y : null;
};
const w2Concurrencies = [
  ...new Set(rows.filter((r) => r.workload === 'W2').map((r) => r.connections)),
];
const w3 = counts.filter((c) => c.workload.startsWith('W3'));
const w3ok = w3.length > 0 && w3.every((c) => c.errors === 0);
const goals = {
  'W1 p50 gateway / direct (c=1), goal ≤ 1.5 (issue: ≤ 1.3)': ratio(
    'W1',
    'our gateway',
    'direct to citizens',
    'p50',
    1,
  ),
  'W1 p50 Hive Gateway / direct (c=1), for reference': ratio(
    'W1',
    'Hive Gateway (dedup off)',
    'direct to citizens',
    'p50',
    1,
  ),
  // At every concurrency measured: the goal holds only if it holds at each.
  ...Object.fromEntries(
    w2Concurrencies.flatMap((c) => [
      [
        `W2 RPS ours / Hive (dedup off), c=${c}, goal ≥ 1 (issue: ≥ 1.5)`,
        ratio('W2', 'our gateway', 'Hive Gateway (dedup off)', 'rps', c),
      ],
      [
        `W2 gateway CPU ours / Hive (dedup off), c=${c}, goal < 1`,
        ratio('W2', 'our gateway', 'Hive Gateway (dedup off)', 'gatewayCpuMs', c),
      ],
    ]),
  ),
  'audited W1 RPS / unaudited RPS (c=32), goal ≥ 0.8': ratio(
    'audit',
    'audited W1',
    'unaudited read',
    'rps',
    32,
  ),
  'audited W1 RPS / a commune kept in memory (c=32), for reference': ratio(
    'audit',
    'audited W1',
    'commune kept in memory',
    'rps',
    32,
  ),
  // With the records each N actually returned: on a small registry the pages stay short.
  'W3 statements identical at every N (and no errors)': `${
    w3ok && w3.every((c) => c.statements === w3[0]?.statements)
  } (${w3.map((c) => `${c.workload}: ${c.statements} statements, ${c.records ?? '?'} records`).join('; ')})`,
  'W2 subgraphs CPU-ms/req, goal ≤ 10':
    rows.find((r) => r.workload === 'W2' && r.name === 'our gateway')?.subgraphCpuMs ?? null,
  ...(args.scale
    ? {
        'S W1 p50 big / small, goal ≤ 1.2': ratio(
          'S W1',
          `${Number(args['scale-citizens'])} citizens`,
          `${citizens} citizens`,
          'p50',
        ),
        'S W2 p50 big / small, goal ≤ 1.2': ratio(
          'S W2',
          `${Number(args['scale-citizens'])} citizens`,
          `${citizens} citizens`,
          'p50',
        ),
      }
    : {}),
};
const goalLines = Object.entries(goals).map(
  ([k, v]) => `- ${k}: ${typeof v === 'number' ? v.toFixed(2) : v === null ? 'n/a' : String(v)}`,
);
const wall = (performance.now() - started) / 1000;
const output = [
  `## npm run bench${quick ? ' --quick' : ''}: ${citizens} citizens, ${rounds} rounds × ${seconds} s, medians (${new Date().toISOString()}, ${wall.toFixed(0)} s)`,
  '',
  table,
  '',
  '### Statements and fetches per request (counted in-process)',
  '',
  countsTable(counts),
  '',
  ...(extra.W5
    ? ['### W5 cold planning', '', '```', JSON.stringify(extra.W5, null, 2), '```', '']
    : []),
  ...(extra.soak
    ? ['### Memory soak', '', '```', JSON.stringify(extra.soak, null, 2), '```', '']
    : []),
  '### Goals (ratios measured in this run)',
  '',
  ...goalLines,
  '',
  `Database seeding this run: ${db.seconds === null ? 'reused' : `${db.seconds.toFixed(1)} s`}. Machine load at the end: ${loadAverage()} (2 cores, shared).`,
].join('\n');
process.stdout.write(`${output}\n`);
const json = join(outDir, `bench-${stamp}.json`);
writeFileSync(
  json,
  JSON.stringify(
    { quick, citizens, rounds, seconds, rows, counts, extra, goals, wallSeconds: wall },
    null,
    2,
  ),
);
const audit = rows.filter((r) => r.workload === 'audit');
if (new Set(audit.map((r) => r.connections)).size > 1)
  writeFileSync(
    join(outDir, `audit-latency-${stamp}.svg`),
    latencyChart(audit, 'Audited vs unaudited read: latency by concurrency'),
  );
writeFileSync(join(outDir, `bench-${stamp}.md`), output);
say(`written: ${json}`);
process.exit(0);

async function coldPlanning(g: BenchGraph, t: Tokens, f: Fixtures, n: number) {
  const contenders = [
    { name: 'our gateway', url: g.gateway.url, pid: g.gateway.pid },
    { name: 'Hive Gateway (dedup off)', url: g.hive!.url, pid: g.hive!.pid },
  ];
  const result: Record<string, { ms: number; cpuMsPerOp: number | null; errors: number }> = {};
  const fields = [
    'givenNameLat',
    'familyNameLat',
    'birthDate',
    'sex',
    'givenNameAr',
    'familyNameAr',
  ];
  const op = (i: number, who: number) => {
    const picked = fields.filter((_, b) => (i >> b) & 1);
    return `query Op${i}x${who}($nin: String!) { c${i}: citizen(nin: $nin) { nin ${picked.join(' ')} birthCommune { code nameFr wilaya { code } } } }`;
  };
  for (const c of contenders) result[c.name] = { ms: 0, cpuMsPerOp: 0, errors: 0 };
  // Interleaved in slices of 50 operations; each contender gets its own distinct texts.
  for (let start = 0; start < n; start += 50) {
    for (const [who, c] of contenders.entries()) {
      const cpu0 = cpuMs(c.pid);
      const t0 = performance.now();
      for (let i = start; i < Math.min(n, start + 50); i++) {
        const res = await fetch(c.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${t.ministry}`,
            'x-purpose': PURPOSE,
          },
          body: JSON.stringify({
            query: op(i, who),
            variables: { nin: f.nins[i % f.nins.length] },
          }),
        });
        const body = (await res.json()) as { errors?: unknown };
        if (body.errors) result[c.name]!.errors += 1;
      }
      result[c.name]!.ms += performance.now() - t0;
      const cpu1 = cpuMs(c.pid);
      result[c.name]!.cpuMsPerOp! += cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : 0;
    }
  }
  for (const c of contenders) {
    const r = result[c.name]!;
    r.cpuMsPerOp = r.cpuMsPerOp! / n;
    r.ms = Math.round((r.ms / n) * 100) / 100;
  }
  return { operations: n, perOperation: result, load: loadAverage() };
}

/** Sends `count` requests of a target, 8 at a time (warming, not measured). */
async function readEach(target: Target, count: number): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) {
      const r = target.next();
      const res = await fetch(target.url, { method: 'POST', headers: r.headers, body: r.body });
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function soak(g: BenchGraph, target: Target, total: number) {
  const samples: { at: number; rssMb: number | null; rps: number }[] = [];
  for (let at = 0; at < total; at += 10) {
    const r = await runLoad(target, 32, Math.min(10, total - at));
    samples.push({ at: at + 10, rssMb: rssMb(g.gateway.pid), rps: Math.round(r.rps) });
  }
  await new Promise((r) => setTimeout(r, 30_000));
  return { samples, afterIdle30sMb: rssMb(g.gateway.pid), load: loadAverage() };
}

export type { Count };
