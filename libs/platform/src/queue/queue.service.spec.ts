import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { QueueService } from './queue.service';
import { JobName, QueueName } from './queue.definitions';

/**
 * A queue made and closed at once (an app that starts and stops before its
 * producer connection is up, as a test app or a quick deploy does) must close
 * quietly: BullMQ drops a closing queue's listeners before its start-up on the
 * shared connection has settled, and that start-up's failure used to surface as
 * an unhandled 'error' (CI's observability failure).
 */
describe('QueueService: closing while the queues are still starting', () => {
  const config = (): AppConfig =>
    ({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `gcm-spec-${randomUUID()}`, REDIS_COMMAND_TIMEOUT_MS: 2000 }) as unknown as AppConfig;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('raises nothing unhandled when every queue is closed right after it was made', async () => {
    for (let round = 0; round < 20; round += 1) {
      const service = new QueueService(config());
      // Half the rounds with the connection already up (the queues' start-up commands are then in flight
      // when it ends), half while it is still connecting.
      if (round % 2 === 0) await service.ready();
      for (const name of Object.values(QueueName)) service.queue(name);
      await service.onModuleDestroy();
    }
    // Let any late start-up failure surface before looking.
    await new Promise((r) => setTimeout(r, 200));
    expect(rejections).toEqual([]);
  });

  it('ends its connection even when closed before it was up', async () => {
    const service = new QueueService(config());
    const connection = service.redis();
    service.queue(QueueName.Imports);
    await service.onModuleDestroy();
    expect(connection.status).toBe('end');
  });

  it('still enqueues and closes cleanly once started', async () => {
    const service = new QueueService(config());
    try {
      const id = await service.enqueue(JobName.PracticesImport, { requestedBy: null });
      expect(await service.queue(QueueName.Imports).getJob(id)).toBeTruthy();
      await service.queue(QueueName.Imports).obliterate({ force: true });
    } finally {
      await service.onModuleDestroy();
    }
  });
});
