import { Test } from '@nestjs/testing';
import { JobName, QueueName, QueueService, WorkerRunner } from '@gcm/platform';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../helpers/test-database';

describe('worker', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    Object.assign(process.env, { DATABASE_URL: db.url, REDIS_PREFIX: testRedisPrefix(), MIGRATE_ON_START: 'false', LOG_LEVEL: 'silent' });
  });
  afterAll(() => db.drop());

  it('consumes the typed queues (a practices re-import job runs and updates in place) and reports readiness', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const queues = app.get(QueueService);
      const events = new QueueEvents(QueueName.Imports, { connection: { url: process.env.REDIS_URL } as never, prefix: queues.prefix });
      await events.waitUntilReady();
      const id = await queues.enqueue(JobName.PracticesImport, { requestedBy: null });
      const job = await queues.queue(QueueName.Imports).getJob(id);
      const result = await job!.waitUntilFinished(events, 30_000);
      expect(result).toMatchObject({ practices: 61, created: 0, updated: 61 });
      const ds = app.get(DataSource);
      const [{ n }] = await ds.query('SELECT count(*)::int n FROM practice');
      expect(n).toBe(61);
      await events.close();
      await app.listen(0, '127.0.0.1');
      const port = (app.getHttpServer().address() as { port: number }).port;
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
      // The runner registers the schedules its handlers declare.
      const schedules = await Promise.all([QueueName.Reports, QueueName.Notifications, QueueName.Maintenance].map((q) => queues.queue(q).getJobSchedulers()));
      expect(schedules.map((list) => list.map((s) => [s.key ?? s.id, s.every]).sort())).toEqual([
        [['reports-reconcile', 60_000]],
        [['reminders-scan', 3_600_000], ['subscriptions-mail', 60 * 60_000], ['webhooks-dispatch', 15_000]],
        [['evidence-links-check', 60 * 60_000], ['evidence-uploads-prune', 60 * 60_000], ['retention-prune', 360 * 60_000]],
      ]);
    } finally {
      await app.close();
    }
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => new WorkerRunner({} as never, [], {} as never)).toThrow(/no handler for practices.import/);
  });
});
