import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from '../support/worker-process';

const file = join(repoRoot(), 'docker', 'docker-compose.yml');

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
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
}

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
    const services = (load(run.stdout) as { services: Record<string, Service> }).services;
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis', 'worker']);

    // Only the proxy publishes a host port; the api has none, so `--scale api=N` cannot collide.
    expect(services.api.ports).toBeUndefined();
    expect(services.worker.ports).toBeUndefined();
    expect(services.proxy.image).toMatch(/^haproxy:/);
    expect(services.proxy.ports).toHaveLength(1);
    expect(services.api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    for (const s of Object.values(services)) expect(s.restart).toBe('unless-stopped');

    // Each process is probed on the port it listens on.
    expect(services.api.healthcheck?.test.join(' ')).toContain('127.0.0.1:3000/health');
    expect(services.worker.environment?.WORKER_PORT).toBe('3001');
    expect(services.worker.healthcheck?.test.join(' ')).toContain('127.0.0.1:3001/health');

    // The api trusts the proxy's one hop; the secret is the one given, not a default.
    expect(services.api.environment).toMatchObject({ TRUST_PROXY: '1', AUTH_SECRET: 'x'.repeat(40) });

    // N apis and N workers fit PostgreSQL's connections: pool + 1 listener each, 13 kept for administration.
    const maxConnections = Number(services.postgres.command?.join(' ').match(/max_connections=(\d+)/)?.[1]);
    const apiPool = Number(services.api.environment?.DATABASE_POOL_SIZE);
    const workerPool = Number(services.worker.environment?.DATABASE_POOL_SIZE);
    expect(8 * (apiPool + 1) + 6 * (workerPool + 1) + 13).toBeLessThanOrEqual(maxConnections);

    // The queue's Redis keeps its data across restarts and never evicts a job key.
    const redis = services.redis.command?.join(' ') ?? '';
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
  });
});
