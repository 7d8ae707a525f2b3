import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DELEGATIONS } from '../schema/delegations.js';
import { subgraphs } from '../subgraphs/registry.js';
import { manifestFiles, renderFile, renderKustomization, type Topology } from './k8s-manifests.js';

/** Replica bounds: citizens is consulted by every other subgraph, communes by few. */
const REPLICAS: Record<string, [number, number]> = { citizens: [3, 20], communes: [2, 6] };

/** The graph's topology as the code declares it: subgraphs, ports and delegations. */
export function topology(): Topology {
  return {
    gatewayPort: 4000,
    subgraphs: subgraphs.map((s) => ({
      name: s.name,
      port: s.defaultPort,
      calls: DELEGATIONS[s.name] ?? [],
      minReplicas: REPLICAS[s.name]?.[0] ?? 2,
      maxReplicas: REPLICAS[s.name]?.[1] ?? 10,
    })),
  };
}

export const K8S_DIR = fileURLToPath(new URL('../deploy/k8s/', import.meta.url));

/** deploy/k8s/ as the generator writes it: file name → content. */
export function renderAll(): Map<string, string> {
  const files = manifestFiles(topology());
  const out = new Map(files.map((f) => [f.path, renderFile(f)]));
  out.set('kustomization.yaml', renderKustomization(files));
  return out;
}

// npm run deploy:generate — rewrites the generated files of deploy/k8s/ (README.md stays).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(K8S_DIR, { recursive: true });
  for (const name of readdirSync(K8S_DIR)) if (name.endsWith('.yaml')) rmSync(K8S_DIR + name);
  for (const [name, content] of renderAll()) writeFileSync(K8S_DIR + name, content);
  process.stdout.write(`deploy/k8s: ${renderAll().size} files written\n`);
}
