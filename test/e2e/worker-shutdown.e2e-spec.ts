import { AppConfig, JobHandler, JobName, loadConfig, QueueName, QueueService, WorkerRunner } from '@gcm/platform';
import type { Job } from 'bullmq';
import { testRedisPrefix } from '../helpers/test-database';

/** A handler that holds its job until released, so shutdown can be observed mid-job. */
class GatedHandler implements JobHandler<JobName.PracticesImport> {
  readonly jobName = JobName.PracticesImport;
  readonly started: string[] = [];
  readonly finished: string[] = [];
  private release!: () => void;
  readonly gate = new Promise<void>((r) => (this.release = r));
  private onStart?: () => void;
  readonly firstStarted = new Promise<void>((r) => (this.onStart = r));

  async handle(job: Job) {
    this.started.push(job.id as string);
    this.onStart?.();
    await this.gate;
    this.finished.push(job.id as string);
    return { ok: true };
  }

  open() {
    this.release();
  }
}

/** The runner refuses to start without a handler for every job; the other jobs are never enqueued here. */
const idle = (Object.values(JobName) as JobName[])
  .filter((name) => name !== JobName.PracticesImport)
  .map((jobName): JobHandler => ({ jobName, handle: async () => undefined }));

describe('worker shutdown', () => {
  it('lets the active job finish and takes no new job once closing', async () => {
    const config: AppConfig = loadConfig({
      ...process.env,
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      REDIS_PREFIX: testRedisPrefix(),
      WORKER_CONCURRENCY: '1',
    });
    const handler = new GatedHandler();
    const queues = new QueueService(config);
    const runner = new WorkerRunner(config, [handler, ...idle], queues);
    try {
      await runner.onApplicationBootstrap();
      const first = await queues.enqueue(JobName.PracticesImport, { requestedBy: null });
      await handler.firstStarted;
      const closing = runner.onApplicationShutdown();
      const second = await queues.enqueue(JobName.PracticesImport, { requestedBy: null });
      await new Promise((r) => setTimeout(r, 300));
      expect(handler.finished).toEqual([]);
      handler.open();
      await closing;
      expect(handler.started).toEqual([first]);
      expect(handler.finished).toEqual([first]);
      const queue = queues.queue(QueueName.Imports);
      expect(await (await queue.getJob(first))!.getState()).toBe('completed');
      expect(await (await queue.getJob(second))!.getState()).toBe('waiting');
    } finally {
      await queues.queue(QueueName.Imports).obliterate({ force: true });
      await queues.onModuleDestroy();
    }
  });
});
