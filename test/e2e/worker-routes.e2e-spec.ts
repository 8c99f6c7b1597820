import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import * as accounts from '@gcm/accounts';
import * as dashboard from '@gcm/dashboard';
import * as framework from '@gcm/framework';
import * as notifications from '@gcm/notifications';
import * as pledges from '@gcm/pledges';
import * as practices from '@gcm/practices';
import * as reporting from '@gcm/reporting';
import * as reports from '@gcm/reports';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { declaredRoutes, expressRoutes } from '../helpers/routes';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../helpers/test-database';

type Operation = { method: string; path: string };

/** Every operation the API documents, with its path parameters filled in (a practice code where one fits). */
function documentedOperations(): Operation[] {
  const spec = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const sample = (name: string) => (name === 'code' ? '2.1.9' : name === 'reference' ? 'GCM-P-2026-00001' : '00000000-0000-4000-8000-000000000001');
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{(\w+)\}/g, (_, n: string) => sample(n)) })),
  );
}

/** Every class the module graph below `root` imports (dynamic modules included), each with the controllers it declares. */
function moduleGraph(root: unknown, seen = new Map<unknown, unknown[]>()): Map<unknown, unknown[]> {
  const dynamic = typeof root === 'object' && root !== null && 'module' in root ? (root as { module: unknown; controllers?: unknown[]; imports?: unknown[] }) : null;
  const cls = dynamic ? dynamic.module : root;
  if (seen.has(root) || typeof cls !== 'function') return seen;
  const controllers = [...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) ?? []), ...(dynamic?.controllers ?? [])];
  seen.set(root, controllers);
  for (const child of [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) ?? []), ...(dynamic?.imports ?? [])]) moduleGraph(child, seen);
  return seen;
}

describe('the worker serves its health endpoints and nothing else', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    Object.assign(process.env, { DATABASE_URL: db.url, REDIS_PREFIX: testRedisPrefix(), MIGRATE_ON_START: 'false', LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  it('lists exactly GET /health and GET /health/ready, both from the platform health controller', async () => {
    expect(expressRoutes(app).sort()).toEqual(['GET /health', 'GET /health/ready']);
    expect(declaredRoutes(app).map((r) => `${r.controller} ${r.method} ${r.path}`).sort()).toEqual([
      'HealthController GET /health', 'HealthController GET /health/ready',
    ]);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });

  it('answers 404 to every operation the API documents under /api/v1, and changes nothing', async () => {
    const ds = app.get(DataSource);
    const contactBefore = await ds.query(`SELECT contact_public, version FROM practice WHERE code = '2.1.9'`);
    expect(contactBefore).toHaveLength(1);
    const operations = documentedOperations().filter((o) => o.path.startsWith('/api/v1/'));
    expect(operations.length).toBeGreaterThan(100);
    expect(operations).toEqual(expect.arrayContaining([
      { method: 'GET', path: '/api/v1/practices/2.1.9/contact' }, { method: 'PATCH', path: '/api/v1/practices/2.1.9' },
    ]));
    const extra: Operation[] = [
      { method: 'GET', path: '/api/v1/admin/queues' }, { method: 'GET', path: '/api/v1/admin/queues/api/queues' },
      { method: 'GET', path: '/api/docs' }, { method: 'GET', path: '/api/docs/openapi.json' }, { method: 'GET', path: '/' },
    ];
    const answers: string[] = [];
    for (const { method, path } of [...operations, ...extra]) {
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? JSON.stringify({ contactPublic: true, version: 1 }) : undefined;
      const res = await fetch(`${base}${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
      answers.push(`${res.status} ${method} ${path}`);
      await res.arrayBuffer();
    }
    expect(answers.filter((a) => !a.startsWith('404 '))).toEqual([]);
    expect(await ds.query(`SELECT contact_public, version FROM practice WHERE code = '2.1.9'`)).toEqual(contactBefore);
    const contact = await fetch(`${base}/api/v1/practices/2.1.9/contact`);
    expect(contact.status).toBe(404);
    expect(await contact.json()).toMatchObject({ statusCode: 404 });
  });

  it('has no controller in any feature core module, nor in anything a core module imports', () => {
    const libs = { accounts, dashboard, framework, notifications, pledges, practices, reporting, reports };
    const cores = Object.entries(libs).flatMap(([lib, exports]) =>
      Object.entries(exports).filter(([name]) => name.endsWith('CoreModule')).map(([name, mod]) => ({ lib, name, mod })),
    );
    expect(cores.map((c) => c.lib).sort()).toEqual(Object.keys(libs).sort());
    const withControllers = cores.flatMap(({ name, mod }) =>
      [...moduleGraph(mod)].filter(([, controllers]) => controllers.length > 0).map(([m]) => `${name} → ${(m as { name?: string }).name ?? String(m)}`),
    );
    expect(withControllers).toEqual([]);
  });
});
