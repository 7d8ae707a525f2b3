import type { Count } from './counts.js';
import type { Summary } from './load.js';

export interface Row extends Summary {
  workload: string;
}

const f = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : v.toFixed(digits);

/** The Markdown table the benchmark prints: one line per workload, contender and concurrency. */
export function markdownTable(rows: Row[], counts: Count[]): string {
  const byWorkload = new Map(counts.map((c) => [c.workload, c]));
  const lines = [
    '| workload | contender | c | RPS | p50 ms | p90 ms | p99 ms | errors | gateway CPU-ms/req | subgraphs CPU-ms/req | database CPU-ms/req | gateway peak RSS MB | statements/req | fetches/req | load (1/5/15 min) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    // Counted in-process through our gateway: another contender's fetches may differ (Hive
    // Gateway fetches the territory that ours keeps), so its row shows none.
    const c = r.name === 'our gateway' ? byWorkload.get(r.workload) : undefined;
    // No answer arrived in any round: its zeros are no latency, say so instead.
    const none = r.requests === 0;
    const ms = (v: number) => (none ? 'no answer' : f(v, v < 100 ? 1 : 0));
    lines.push(
      `| ${r.workload} | ${r.name} | ${r.connections} | ${f(r.rps, 0)} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${r.errors} | ${f(r.gatewayCpuMs, 2)} | ${f(r.subgraphCpuMs, 2)} | ${f(r.databaseCpuMs, 2)} | ${f(r.gatewayPeakRssMb, 0)} | ${c ? c.statements : '–'} | ${c ? c.fetches : '–'} | ${r.loads.join('; ')} |`,
    );
  }
  return lines.join('\n');
}

export function countsTable(counts: Count[]): string {
  return [
    '| workload | records | SQL statements | subgraph fetches | errors |',
    '|---|---:|---:|---:|---:|',
    ...counts.map(
      (c) =>
        `| ${c.workload} | ${c.records ?? '–'} | ${c.statements} | ${c.fetches} | ${c.errors}${c.error ? ` (${c.error})` : ''} |`,
    ),
  ].join('\n');
}

/** Latency (p50 and p99) against concurrency, one line per contender: an SVG a browser shows. */
export function latencyChart(rows: Row[], title: string): string {
  const series = new Map<string, Row[]>();
  for (const r of rows) series.set(r.name, [...(series.get(r.name) ?? []), r]);
  const W = 720;
  const H = 420;
  const pad = { l: 60, r: 180, t: 40, b: 50 };
  const cs = [...new Set(rows.map((r) => r.connections))].sort((a, b) => a - b);
  const maxY = Math.max(1, ...rows.map((r) => r.p99));
  const x = (c: number) =>
    pad.l + (cs.length < 2 ? 0 : (cs.indexOf(c) / (cs.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => H - pad.b - (v / maxY) * (H - pad.t - pad.b);
  const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${pad.l}" y="20" font-size="14">${title}</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="black"/>`,
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="black"/>`,
    `<text x="${(W - pad.r + pad.l) / 2}" y="${H - 10}" text-anchor="middle">concurrent connections</text>`,
    `<text x="15" y="${H / 2}" transform="rotate(-90 15 ${H / 2})" text-anchor="middle">latency, ms</text>`,
  ];
  for (const c of cs)
    parts.push(`<text x="${x(c)}" y="${H - pad.b + 16}" text-anchor="middle">${c}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxY * i) / 4;
    parts.push(`<text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`);
  }
  [...series.entries()].forEach(([name, rs], i) => {
    const colour = colours[i % colours.length];
    const sorted = [...rs].sort((a, b) => a.connections - b.connections);
    for (const [key, dash] of [
      ['p50', ''],
      ['p99', ' stroke-dasharray="4 3"'],
    ] as const) {
      const pts = sorted.map((r) => `${x(r.connections)},${y(r[key])}`).join(' ');
      parts.push(
        `<polyline points="${pts}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`,
      );
    }
    parts.push(
      `<text x="${W - pad.r + 10}" y="${pad.t + 16 * i}" fill="${colour}">${name} (p50 solid, p99 dashed)</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
