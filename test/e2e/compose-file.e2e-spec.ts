import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { CLOSE_RESERVE_MS } from '@gcm/platform';
import { repoRoot } from '../support/worker-process';

const dockerDir = join(repoRoot(), 'docker');
const file = join(dockerDir, 'docker-compose.yml');
/** YAML 1.2 with merge keys (`<<: *app`), as compose reads it. */
const COMPOSE_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** `docker compose` (v2 plugin) or the standalone `docker-compose`, whichever this machine has. */
function composeCommand(): string[] | undefined {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(cmd[0], [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return cmd;
  }
  return undefined;
}

const compose = composeCommand();

function config(env: Record<string, string>) {
  const [bin, ...pre] = compose!;
  const { AUTH_SECRET: _unset, ...rest } = process.env;
  return spawnSync(bin, [...pre, '-f', file, 'config'], { encoding: 'utf8', env: { ...rest, ...env } });
}

interface Service {
  image?: string;
  command?: string[];
  ports?: unknown[];
  expose?: string[];
  restart?: string;
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

const seconds = (duration?: string) => Number(/^(\d+)s$/.exec(duration ?? '')?.[1] ?? NaN);

/** The invariants, on the file as compose resolves it or as written (then AUTH_SECRET is the `${…:?…}` that refuses to resolve without one). */
function expectScalableCompose(services: Record<string, Service>, authSecret: string | RegExp): void {
  expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'proxy', 'redis', 'worker']);

  // Only the proxy publishes a host port; the api has none, so `--scale api=N` cannot collide.
  expect(services.api.ports).toBeUndefined();
  expect(services.worker.ports).toBeUndefined();
  expect(services.proxy.image).toMatch(/^haproxy:/);
  expect(services.proxy.ports).toHaveLength(1);
  expect(services.api.deploy?.replicas).toBeGreaterThanOrEqual(2);
  expect(services.worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
  for (const [name, s] of Object.entries(services)) expect([name, s.restart]).toEqual([name, name === 'migrate' ? 'no' : 'unless-stopped']);

  // Migrations run once, in a one-shot service; every replica waits for it and does not migrate itself.
  expect(services.migrate.command).toEqual(['node', 'dist/apps/launcher/src/seed.js']);
  expect(services.migrate.environment?.MIGRATE_ON_START).toBe('true');
  expect(services.migrate.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  expect(services.migrate.depends_on?.migrate).toBeUndefined();
  for (const s of [services.api, services.worker]) {
    expect(s.environment?.MIGRATE_ON_START).toBe('false');
    expect(s.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' }, postgres: { condition: 'service_healthy' } });
  }

  // Each process is probed on the port it listens on.
  expect(services.api.healthcheck?.test?.join(' ')).toContain('127.0.0.1:3000/health');
  expect(services.worker.environment?.WORKER_PORT).toBe('3001');
  expect(services.worker.healthcheck?.test?.join(' ')).toContain('127.0.0.1:3001/health');

  // The api trusts the proxy's one hop; the secret is the one given, not a default.
  expect(services.api.environment).toMatchObject({ TRUST_PROXY: '1', AUTH_SECRET: authSecret });
  for (const s of [services.api, services.worker, services.migrate]) expect(s.environment?.AUTH_SECRET).toEqual(services.api.environment?.AUTH_SECRET);

  // Docker's SIGKILL never comes before a drain has had its SHUTDOWN_TIMEOUT_MS and the closing reserve.
  for (const s of [services.api, services.worker]) {
    expect(seconds(s.stop_grace_period) * 1000).toBeGreaterThanOrEqual(Number(s.environment?.SHUTDOWN_TIMEOUT_MS) + CLOSE_RESERVE_MS);
  }

  // N apis and N workers fit PostgreSQL's connections: pool + 1 listener each, 13 kept for administration.
  const maxConnections = Number(services.postgres.command?.join(' ').match(/max_connections=(\d+)/)?.[1]);
  const apiPool = Number(services.api.environment?.DATABASE_POOL_SIZE);
  const workerPool = Number(services.worker.environment?.DATABASE_POOL_SIZE);
  expect(8 * (apiPool + 1) + 6 * (workerPool + 1) + 13).toBeLessThanOrEqual(maxConnections);

  // The queue's Redis keeps its data across restarts and never evicts a job key.
  const redis = services.redis.command?.join(' ') ?? '';
  expect(redis).toContain('--appendonly yes');
  expect(redis).toContain('--maxmemory-policy noeviction');
}

describe('docker/docker-compose.yml as written (read without Docker)', () => {
  it('runs a proxy in front of N api and N worker replicas, migrations once, and requires AUTH_SECRET', () => {
    const { services } = load(readFileSync(file, 'utf8'), { schema: COMPOSE_SCHEMA }) as { services: Record<string, Service> };
    // `${VAR:?message}`: compose refuses to resolve the file while VAR is unset.
    expectScalableCompose(services, /^\$\{AUTH_SECRET:\?[^}]+\}$/);
  });
});

// Needs no Docker engine: `config` only resolves and validates the file.
(compose ? describe : describe.skip)('docker/docker-compose.yml as compose resolves it', () => {
  it('refuses to resolve without AUTH_SECRET, naming it', () => {
    const run = config({});
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('set AUTH_SECRET');
  });

  it('puts a health-checked proxy in front of scalable api replicas, with per-process health checks and sized pools', () => {
    const run = config({ AUTH_SECRET: 'x'.repeat(40) });
    expect(run.stderr).not.toMatch(/error/i);
    expectScalableCompose((load(run.stdout) as { services: Record<string, Service> }).services, 'x'.repeat(40));
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}

const k8sDir = join(dockerDir, 'k8s');
const manifests = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) => loadAll(readFileSync(join(dir, f), 'utf8')) as K8sObject[]);

describe('docker/k8s manifests', () => {
  const app = manifests(k8sDir);
  const trial = manifests(join(k8sDir, 'dev-data'));
  const find = (kind: string, name: string, from = app) => {
    const found = from.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in docker/k8s`);
    return found;
  };
  const container = (o: K8sObject) => o.spec!.template.spec.containers[0];
  const env = (o: K8sObject): Record<string, EnvVar> => Object.fromEntries((container(o).env as EnvVar[]).map((e) => [e.name, e]));
  const config = find('ConfigMap', 'gcm-config');
  const api = find('Deployment', 'gcm-api');
  const worker = find('Deployment', 'gcm-worker');
  const job = find('Job', 'gcm-migrate');

  it('applies with kustomize: every listed file exists; the migration Job and the trial databases are applied on their own', () => {
    const kustomization = load(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    for (const r of kustomization.resources) expect(existsSync(join(k8sDir, r))).toBe(true);
    expect(kustomization.resources).toEqual(expect.arrayContaining(['config.yaml', 'api.yaml', 'worker.yaml', 'api-hpa.yaml']));
    expect(kustomization.resources).not.toContain('migrate-job.yaml');
    expect(kustomization.resources.some((r) => r.startsWith('dev-data'))).toBe(false);
  });

  it('takes every secret from the gcm-secrets Secret, which is not committed, and everything else from gcm-config', () => {
    expect([...app, ...trial].filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const key of ['AUTH_SECRET', 'DATABASE_URL', 'REDIS_URL']) expect(Object.keys(config.data ?? {})).not.toContain(key);
    for (const o of [api, worker, job]) {
      expect(container(o).envFrom).toEqual([{ configMapRef: { name: 'gcm-config' } }]);
      for (const key of ['AUTH_SECRET', 'DATABASE_URL', 'REDIS_URL']) {
        // Not optional: a pod without the Secret does not start, rather than starting on a default.
        expect(env(o)[key]).toEqual({ name: key, valueFrom: { secretKeyRef: { name: 'gcm-secrets', key } } });
      }
    }
  });

  it('runs migrations once in a Job, and the Deployments with MIGRATE_ON_START=false', () => {
    expect(config.data?.MIGRATE_ON_START).toBe('false');
    expect(container(job).command).toEqual(['node', 'dist/apps/launcher/src/seed.js']);
    expect(env(job).MIGRATE_ON_START.value).toBe('true');
    expect(job.spec!.template.spec.restartPolicy).toBe('Never');
    for (const o of [api, worker]) expect(env(o).MIGRATE_ON_START).toBeUndefined();
  });

  it('probes readiness on /health/ready and liveness on /health, on the port each process listens on', () => {
    const probed = (o: K8sObject, listens: string) => {
      const c = container(o);
      const ports = Object.fromEntries((c.ports as { name: string; containerPort: number }[]).map((p) => [p.name, p.containerPort]));
      const port = (probe: { httpGet: { port: string | number } }) => ports[probe.httpGet.port] ?? probe.httpGet.port;
      expect([c.readinessProbe.httpGet.path, port(c.readinessProbe)]).toEqual(['/health/ready', Number(listens)]);
      expect([c.livenessProbe.httpGet.path, port(c.livenessProbe)]).toEqual(['/health', Number(listens)]);
      expect(port(c.startupProbe)).toBe(Number(listens));
    };
    expect(container(api).command).toEqual(['node', 'dist/apps/api/src/main.js']);
    probed(api, env(api).PORT.value!);
    expect(container(worker).command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    probed(worker, env(worker).WORKER_PORT.value!);
    // The worker binds 127.0.0.1 unless told otherwise; the kubelet probes the pod's address.
    expect(env(worker).HOST.value).toBe('0.0.0.0');
  });

  it('gives a drain its time: the grace period covers SHUTDOWN_TIMEOUT_MS and the closing reserve', () => {
    for (const o of [api, worker]) {
      expect(o.spec!.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(Number(config.data?.SHUTDOWN_TIMEOUT_MS) + CLOSE_RESERVE_MS);
    }
  });

  it('routes a Service to the API pods only, and scales the API with an HPA whose maximum fits PostgreSQL', () => {
    const services = app.filter((o) => o.kind === 'Service');
    expect(services.map((s) => s.metadata.name)).toEqual(['gcm-api']);
    expect(services[0].spec!.selector).toEqual(api.spec!.template.metadata.labels);
    expect(services[0].spec!.ports[0].targetPort).toBe('http');
    const hpa = find('HorizontalPodAutoscaler', 'gcm-api');
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gcm-api' });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    // Utilisation is measured against the request.
    expect(container(api).resources.requests.cpu).toBeDefined();
    const maxConnections = Number(/max_connections=(\d+)/.exec(container(find('StatefulSet', 'gcm-postgres', trial)).args.join(' '))?.[1]);
    const pool = (o: K8sObject) => Number(env(o).DATABASE_POOL_SIZE.value) + 1;
    // The HPA's maximum of APIs and up to 6 workers (scaled by hand, as in docker-compose.yml), 13 kept for administration.
    expect(worker.spec!.replicas).toBeLessThanOrEqual(6);
    expect(hpa.spec!.maxReplicas * pool(api) + 6 * pool(worker) + 13).toBeLessThanOrEqual(maxConnections);
  });

  it('marks the in-cluster PostgreSQL and Redis as trial-only, Redis append-only and noeviction', () => {
    const kustomization = readFileSync(join(k8sDir, 'dev-data', 'kustomization.yaml'), 'utf8');
    expect(kustomization).toMatch(/TRIAL CLUSTER ONLY/);
    expect(trial.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Service/gcm-postgres', 'Service/gcm-redis', 'StatefulSet/gcm-postgres', 'StatefulSet/gcm-redis']);
    const redis = container(find('StatefulSet', 'gcm-redis', trial)).args.join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
  });
});
