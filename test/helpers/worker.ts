import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { QueueName, QueueService } from '@gcm/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * The worker app in this process, on the database and Redis prefix that
 * createTestApp() put in the environment (so it must be called after it).
 */
export async function startWorker(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

/** Polls until `check` returns something truthy, or fails with the last value seen. */
export async function waitFor<T>(check: () => Promise<T>, what: string | (() => string), timeoutMs = 45_000, everyMs = 150): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}; last value: ${JSON.stringify(last)}`);
}

/** Empties this file's BullMQ queues (the prefix is per file, but repeatable schedules outlive an app). */
export async function obliterateQueues(queues: QueueService): Promise<void> {
  for (const name of Object.values(QueueName)) await queues.queue(name).obliterate({ force: true }).catch(() => undefined);
}
