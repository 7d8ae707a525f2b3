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
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import { stringify } from 'yaml';
import { RELAY_DEFAULT_PORT } from '../subgraphs/kit/relay-config.js';
import { heapFlag, memoryMiOf } from './process-memory.js';

/**
 * The Kubernetes manifests of the scaled-out topology, built from one template per kind of
 * process: the gateway, each subgraph, the relay, the migrations Job and the partitions
 * CronJob. Typed with kubernetes-models, so a misspelt field fails `npm run typecheck` and a
 * wrong value fails its schema (test/deploy.test.ts); `npm run deploy:generate`
 * (scripts/deploy-manifests.ts) writes deploy/k8s/ and the test checks the committed files are this output.
 */

export const NAMESPACE = 'e-commune';
export const IMAGE = 'e-commune-graph:0.1.0';
const PART_OF = 'e-commune';

export interface SubgraphSpec {
  name: string;
  port: number;
  /** The subgraphs it calls on the caller's behalf (schema/delegations.ts). */
  calls: readonly string[];
  minReplicas: number;
  maxReplicas: number;
}

export interface Topology {
  subgraphs: SubgraphSpec[];
  gatewayPort: number;
}

/** Secret names the manifests read; created by the operator (deploy/k8s/README.md). */
export const SECRETS = {
  /** DATABASE_URL of the application role (DML only, owns nothing). */
  database: 'e-commune-database',
  /** DATABASE_URL of the owner role, for migrations and partitions only. */
  databaseOwner: 'e-commune-database-owner',
  /** internal.private.jwk.json: signs the gateway's internal tokens; the gateway alone. */
  internalSigningKey: 'e-commune-internal-signing-key',
  /** internal.public.jwk.json: every subgraph verifies the gateway's tokens with it. */
  internalVerifyKey: 'e-commune-internal-verify-key',
  /** SMS_HTTP_URL and SMS_HTTP_TOKEN of the SMS provider; the relay alone. */
  sms: 'e-commune-sms',
} as const;

const labels = (name: string, component: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/part-of': PART_OF,
});
const selector = (name: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': PART_OF,
});
const meta = (name: string, component: string) => ({
  name,
  namespace: NAMESPACE,
  labels: labels(name, component),
});

const restricted = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** A pod that runs as the image's unprivileged user, with no API token and a small /tmp. */
function podSpec(containers: IContainer[], extra: Partial<IPodSpec> = {}): IPodSpec {
  return {
    serviceAccountName: 'e-commune',
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      // Mounted keys are group-readable (0440) by this group only.
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers,
    ...extra,
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }, ...(extra.volumes ?? [])],
  };
}

/**
 * Memory is limited (a leak ends in a restart, not a starved node) and the V8 heap is
 * told 75 % of it; CPU is requested, not limited, because a CPU limit throttles a
 * latency-bound server even when the node is idle.
 */
function resources(cpu: string, memoryMi: number): IResourceRequirements {
  return {
    requests: { cpu, memory: `${memoryMi}Mi` },
    limits: { memory: `${memoryMi}Mi` },
  };
}
const heap = (memoryMi: number) => ({ name: 'NODE_OPTIONS', value: heapFlag(memoryMi) });

/**
 * Probes on the paths of subgraphs/kit/http.ts: /ready answers 503 from the first
 * instant of SIGTERM for READINESS_DRAIN_MS (5 s in production) while requests are still
 * served, so the readiness probe (every 2 s, out after 2 failures) takes the pod out of
 * its Service before the listener closes; /health stays 200 while the process lives.
 */
const probes = {
  startupProbe: {
    httpGet: { path: '/health', port: 'http' },
    periodSeconds: 2,
    failureThreshold: 60,
  },
  readinessProbe: {
    httpGet: { path: '/ready', port: 'http' },
    periodSeconds: 2,
    timeoutSeconds: 2,
    failureThreshold: 2,
  },
  livenessProbe: {
    httpGet: { path: '/health', port: 'http' },
    periodSeconds: 10,
    timeoutSeconds: 3,
    failureThreshold: 3,
  },
};

const fromSecret = (env: string, secret: string, key = env) => ({
  name: env,
  valueFrom: { secretKeyRef: { name: secret, key } },
});

/** Spread over nodes, so that a node's loss and a drain keep replicas serving (the PDB's point). */
const spread = (name: string): Pick<IPodSpec, 'topologySpreadConstraints'> => ({
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selector(name) },
    },
    {
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selector(name) },
    },
  ],
});

function deployment(
  name: string,
  component: string,
  container: IContainer,
  volumes: IPodSpec['volumes'] = [],
): Deployment {
  return new Deployment({
    metadata: meta(name, component),
    // No `replicas`: the HorizontalPodAutoscaler owns the count (an apply would reset it).
    spec: {
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(name, component) },
        spec: podSpec([container], {
          // READINESS_DRAIN_MS (5 s) + requests in flight (a subgraph fetch: 5 s at most).
          terminationGracePeriodSeconds: 30,
          ...spread(name),
          volumes,
        }),
      },
    },
  });
}

const pdb = (name: string, component: string) =>
  new PodDisruptionBudget({
    metadata: meta(name, component),
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(name) } },
  });

const hpa = (name: string, component: string, min: number, max: number) =>
  new HorizontalPodAutoscaler({
    metadata: meta(name, component),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: min,
      maxReplicas: max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
      behavior: {
        // Scale up fast on a surge; scale down slowly (each replica holds a DB pool).
        scaleUp: { stabilizationWindowSeconds: 0 },
        scaleDown: {
          stabilizationWindowSeconds: 300,
          policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
        },
      },
    },
  });

const service = (name: string, component: string, port: number) =>
  new Service({
    metadata: meta(name, component),
    spec: {
      type: 'ClusterIP',
      selector: selector(name),
      ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }],
    },
  });

const subgraphUrl = (s: SubgraphSpec) =>
  `http://${s.name}.${NAMESPACE}.svc.cluster.local:${s.port}/graphql`;

/** Namespace, service account, the shared configuration and the default-deny policy. */
export function baseManifests(topology: Topology) {
  return [
    new Namespace({
      metadata: {
        name: NAMESPACE,
        labels: {
          'app.kubernetes.io/part-of': PART_OF,
          // The pods already meet the "restricted" Pod Security Standard: enforce it.
          'pod-security.kubernetes.io/enforce': 'restricted',
        },
      },
    }),
    new ServiceAccount({
      metadata: meta('e-commune', 'platform'),
      automountServiceAccountToken: false,
    }),
    new ConfigMap({
      metadata: meta('e-commune-config', 'platform'),
      data: {
        NODE_ENV: 'production',
        APOLLO_TELEMETRY_DISABLED: '1',
        LOG_LEVEL: 'info',
        // The metrics listeners answer on the pod's address so that Prometheus can scrape
        // them; no Service exposes their port, so callers never reach it.
        METRICS_HOST: '0.0.0.0',
        // Behind PgBouncer (docs/operations.md): a small pool per replica.
        DB_POOL_SIZE: '5',
        SUBGRAPH_TIMEOUT_MS: '5000',
        READINESS_DRAIN_MS: '5000',
        // The OIDC provider that signs callers' tokens: set these for your identity provider.
        AUTH_JWKS_URL:
          'https://id.e-commune.invalid/realms/e-commune/protocol/openid-connect/certs',
        AUTH_ISSUER: 'https://id.e-commune.invalid/realms/e-commune',
        AUTH_AUDIENCE: 'e-commune-graph',
        // The ingress controller's pod addresses, comma-separated, so X-Forwarded-For counts.
        TRUSTED_PROXIES: '',
        CORS_ORIGINS: '',
        ...Object.fromEntries(
          topology.subgraphs.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, subgraphUrl(s)]),
        ),
      },
    }),
    new NetworkPolicy({
      metadata: meta('default-deny-ingress', 'platform'),
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }),
  ];
}

export function gatewayManifests(topology: Topology) {
  const name = 'gateway';
  const memory = memoryMiOf(name);
  const container: IContainer = {
    name,
    image: IMAGE,
    command: ['node', 'dist/gateway/main.js'],
    ports: [{ name: 'http', containerPort: topology.gatewayPort, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: 'e-commune-config' } }],
    env: [
      { name: 'PORT', value: String(topology.gatewayPort) },
      { name: 'INTERNAL_PRIVATE_KEY_FILE', value: '/var/run/secrets/e-commune/internal/key.json' },
      heap(memory),
    ],
    resources: resources('500m', memory),
    securityContext: restricted,
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      {
        name: 'internal-signing-key',
        mountPath: '/var/run/secrets/e-commune/internal',
        readOnly: true,
      },
    ],
    ...probes,
  };
  return [
    deployment(name, name, container, [
      {
        name: 'internal-signing-key',
        secret: {
          secretName: SECRETS.internalSigningKey,
          defaultMode: 0o440,
          items: [{ key: 'internal.private.jwk.json', path: 'key.json' }],
        },
      },
    ]),
    service(name, name, topology.gatewayPort),
    pdb(name, name),
    hpa(name, name, 3, 30),
    // Callers reach the gateway (through the ingress controller); nothing else is exposed.
    new NetworkPolicy({
      metadata: meta(`${name}-ingress`, name),
      spec: {
        podSelector: { matchLabels: selector(name) },
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ port: topology.gatewayPort, protocol: 'TCP' }] }],
      },
    }),
  ];
}

export function subgraphManifests(topology: Topology, s: SubgraphSpec) {
  const memory = memoryMiOf(s.name);
  const container: IContainer = {
    name: s.name,
    image: IMAGE,
    command: ['node', `dist/subgraphs/${s.name}/server.js`],
    ports: [{ name: 'http', containerPort: s.port, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: 'e-commune-config' } }],
    env: [
      { name: 'PORT', value: String(s.port) },
      fromSecret('DATABASE_URL', SECRETS.database),
      { name: 'INTERNAL_PUBLIC_KEY_FILE', value: '/var/run/secrets/e-commune/internal/key.json' },
      heap(memory),
    ],
    resources: resources(s.name === 'citizens' ? '500m' : '250m', memory),
    securityContext: restricted,
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      {
        name: 'internal-verify-key',
        mountPath: '/var/run/secrets/e-commune/internal',
        readOnly: true,
      },
    ],
    ...probes,
  };
  // Only the gateway, and the subgraphs that consult this one on a caller's behalf.
  const callers = topology.subgraphs.filter((c) => c.calls.includes(s.name)).map((c) => c.name);
  return [
    deployment(s.name, 'subgraph', container, [
      {
        name: 'internal-verify-key',
        secret: {
          secretName: SECRETS.internalVerifyKey,
          defaultMode: 0o440,
          items: [{ key: 'internal.public.jwk.json', path: 'key.json' }],
        },
      },
    ]),
    service(s.name, 'subgraph', s.port),
    pdb(s.name, 'subgraph'),
    hpa(s.name, 'subgraph', s.minReplicas, s.maxReplicas),
    new NetworkPolicy({
      metadata: meta(`${s.name}-ingress`, 'subgraph'),
      spec: {
        podSelector: { matchLabels: selector(s.name) },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: ['gateway', ...callers].map((caller) => ({
              podSelector: { matchLabels: selector(caller) },
            })),
            ports: [{ port: s.port, protocol: 'TCP' }],
          },
        ],
      },
    }),
  ];
}

export function relayManifests() {
  const name = 'relay';
  const memory = memoryMiOf('relay');
  const container: IContainer = {
    name,
    image: IMAGE,
    command: ['node', 'dist/scripts/relay.js'],
    // Its probes' listener only (scripts/relay.ts): no Service, nothing calls the relay.
    ports: [{ name: 'http', containerPort: RELAY_DEFAULT_PORT, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: 'e-commune-config' } }],
    env: [
      { name: 'PORT', value: String(RELAY_DEFAULT_PORT) },
      fromSecret('DATABASE_URL', SECRETS.database),
      { name: 'SMS_PROVIDER', value: 'http' },
      fromSecret('SMS_HTTP_URL', SECRETS.sms),
      fromSecret('SMS_HTTP_TOKEN', SECRETS.sms),
      heap(memory),
    ],
    resources: resources('100m', memory),
    securityContext: restricted,
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    // /ready fails while its database does not answer or once it is stopping; /health
    // while the process lives. The same probes as the other Deployments.
    ...probes,
  };
  return [deployment(name, name, container), pdb(name, name), hpa(name, name, 2, 4)];
}

/** A one-off pod of the image against the owner role: migrations, partitions. */
function ownerPod(name: string, script: string): IPodSpec {
  return podSpec(
    [
      {
        name,
        image: IMAGE,
        command: ['sh', '-c', script],
        envFrom: [{ configMapRef: { name: 'e-commune-config' } }],
        env: [fromSecret('DATABASE_URL', SECRETS.databaseOwner, 'DATABASE_URL')],
        resources: resources('250m', 256),
        securityContext: restricted,
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      },
    ],
    { restartPolicy: 'Never' },
  );
}

export function jobManifests() {
  return [
    // Applied before each rollout (deploy/k8s/README.md); the migrator applies each
    // migration once and records it, so a retried Job finds nothing left to do.
    new Job({
      metadata: meta('migrate', 'migrations'),
      spec: {
        backoffLimit: 2,
        activeDeadlineSeconds: 3600,
        ttlSecondsAfterFinished: 86400,
        template: {
          metadata: { labels: labels('migrate', 'migrations') },
          spec: ownerPod(
            'migrate',
            'node dist/scripts/migrate.js && node dist/scripts/partitions.js',
          ),
        },
      },
    }),
    // Daily: next months' partitions; fails (an alert) when a log wrote into its default
    // partition or has no partition for next month.
    new CronJob({
      metadata: meta('partitions', 'partitions'),
      spec: {
        schedule: '17 2 * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 5,
        jobTemplate: {
          spec: {
            backoffLimit: 2,
            template: {
              metadata: { labels: labels('partitions', 'partitions') },
              spec: ownerPod('partitions', 'node dist/scripts/partitions.js --check'),
            },
          },
        },
      },
    }),
  ];
}

export interface ManifestFile {
  path: string;
  objects: { toJSON(): unknown; validate(): void }[];
}

export function manifestFiles(topology: Topology): ManifestFile[] {
  return [
    { path: '00-base.yaml', objects: baseManifests(topology) },
    { path: '10-gateway.yaml', objects: gatewayManifests(topology) },
    ...topology.subgraphs.map((s) => ({
      path: `20-subgraph-${s.name}.yaml`,
      objects: subgraphManifests(topology, s),
    })),
    { path: '30-relay.yaml', objects: relayManifests() },
    { path: '40-jobs.yaml', objects: jobManifests() },
  ];
}

const HEADER =
  '# Generated by `npm run deploy:generate` from scripts/k8s-manifests.ts: edit that, not this.\n';

export function renderFile(file: ManifestFile): string {
  return (
    HEADER +
    file.objects
      .map((o) => stringify(o.toJSON(), { lineWidth: 0, singleQuote: true }))
      .join('---\n')
  );
}

export function renderKustomization(files: ManifestFile[]): string {
  return (
    HEADER +
    stringify(
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: NAMESPACE,
        resources: files.map((f) => f.path),
        // Set the image you built and pushed: `kustomize edit set image e-commune-graph=…`.
        images: [{ name: IMAGE.split(':')[0], newTag: IMAGE.split(':')[1] }],
      },
      { lineWidth: 0, singleQuote: true },
    )
  );
}
