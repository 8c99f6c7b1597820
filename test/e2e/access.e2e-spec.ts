import { Controller, Get, Module } from '@nestjs/common';
import { QueueName, QueueService } from '@gcm/platform';
import { ApiModule } from '../../apps/api/src/api.module';
import { declaredRoutes, expressRoutes } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

@Controller('api/v1/test-undeclared')
class UndeclaredController {
  @Get()
  get() {
    return { leaked: true };
  }
}

@Module({ imports: [ApiModule], controllers: [UndeclaredController] })
class ApiWithUndeclaredRoute {}

describe('access control: every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds an access rule on every route of the API, and the walk covers every route Express serves', () => {
    const routes = declaredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
    const served = new Set(expressRoutes(t.app));
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`))).toEqual(served);
    expect(served).toContain('POST /api/v1/auth/sign-in');
  });

  it('loads the job handlers of the core modules but schedules no repeatable job (the worker does)', async () => {
    const queues = t.app.get(QueueService);
    for (const name of [QueueName.Reports, QueueName.Notifications]) expect(await queues.queue(name).getJobSchedulers()).toEqual([]);
  });

  it('refuses (403) and audits a route that declares nothing, and the walk names it', async () => {
    const u = await createTestApp({ module: ApiWithUndeclaredRoute });
    try {
      expect(declaredRoutes(u.app).filter((r) => !r.rule).map((r) => r.path)).toEqual(['/api/v1/test-undeclared']);
      const res = await u.http.get('/api/v1/test-undeclared').expect(403);
      expect(res.body).not.toHaveProperty('leaked');
      const [row] = await u.dataSource.query("SELECT entity_id, after FROM audit_log WHERE action = 'access.denied' ORDER BY id DESC LIMIT 1");
      expect(row).toEqual({ entity_id: 'GET /api/v1/test-undeclared', after: expect.objectContaining({ reason: 'route_declares_no_access', status: 403 }) });
    } finally {
      await u.close();
    }
  });

  it('audits a request without a token to a signed-in route as denied (401)', async () => {
    await t.http.get('/api/v1/auth/me').expect(401);
    const [row] = await t.dataSource.query("SELECT entity_id, actor_id, after FROM audit_log WHERE action = 'access.denied' ORDER BY id DESC LIMIT 1");
    expect(row).toEqual({ entity_id: 'GET /api/v1/auth/me', actor_id: null, after: expect.objectContaining({ reason: 'no_token', status: 401 }) });
  });
});
