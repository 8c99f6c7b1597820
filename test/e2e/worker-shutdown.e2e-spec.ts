import { AppConfig, HAND_BACK_DELAY_MS, JobHandler, JobName, loadConfig, QueueName, QueueService, WorkerRunner } from '@gcm/platform';
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

  constructor(private readonly result: Record<string, unknown> = { ok: true }) {}

  async handle(job: Job) {
    this.started.push(job.id as string);
    this.onStart?.();
    await this.gate;
    this.finished.push(job.id as string);
    return this.result;
  }

  open() {
    this.release();
  }
}

/** The runner refuses to start without a handler for every job; the other jobs are never enqueued here. */
const idle = (Object.values(JobName) as JobName[])
  .filter((name) => name !== JobName.PracticesImport)
  .map((jobName): JobHandler => ({ jobName, handle: async () => undefined }));

const configFor = (prefix: string): AppConfig =>
  loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused@127.0.0.1/unused', REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '1' });

describe('worker shutdown', () => {
  it('lets the active job finish and takes no new job once closing', async () => {
    const config = configFor(testRedisPrefix());
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

  it('hands a job that outlasts the drain deadline back to the queue without spending an attempt', async () => {
    const config = configFor(testRedisPrefix());
    const queues = new QueueService(config);
    const stuck = new GatedHandler({ by: 'the worker that was stopped' });
    const first = new WorkerRunner(config, [stuck, ...idle], queues);
    let second: WorkerRunner | undefined;
    const queue = queues.queue(QueueName.Imports);
    try {
      await first.onApplicationBootstrap();
      const id = await queues.enqueue(JobName.PracticesImport, { requestedBy: null });
      await stuck.firstStarted;
      expect(await first.drain(Date.now() + 300)).toBe('1 unfinished job(s) handed back to the queue');
      // Shutdown does not wait for the abandoned run.
      await first.onApplicationShutdown();
      const handedBack = (await queue.getJob(id))!;
      expect([await handedBack.getState(), handedBack.attemptsMade]).toEqual(['delayed', 0]);

      const next = new GatedHandler({ by: 'the next worker' });
      next.open();
      second = new WorkerRunner(config, [next, ...idle], queues);
      await second.onApplicationBootstrap();
      const deadline = Date.now() + HAND_BACK_DELAY_MS + 15_000;
      while ((await queue.getJob(id))!.finishedOn === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      // The abandoned run ending late no longer holds the lock: it cannot overwrite the result.
      stuck.open();
      await new Promise((r) => setTimeout(r, 300));
      const done = (await queue.getJob(id))!;
      expect([await done.getState(), done.returnvalue, done.attemptsMade]).toEqual(['completed', { by: 'the next worker' }, 1]);
      expect(next.finished).toEqual([id]);
    } finally {
      await second?.onApplicationShutdown();
      await queue.obliterate({ force: true });
      await queues.onModuleDestroy();
    }
  });
});
