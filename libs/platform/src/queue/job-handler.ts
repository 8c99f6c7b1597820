import type { Job } from 'bullmq';
import { JobName, JobPayloads } from './queue.definitions';

/** A repeatable job: the worker's runner upserts the schedule (one however many workers start), under this id. */
export interface JobSchedule {
  id: string;
  everyMs: number;
}

/**
 * One small class per job; it calls a service and lets errors propagate so BullMQ retries.
 * Handlers do nothing on their own (an app that loads a core module without the runner runs no job, schedules none).
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  readonly schedule?: JobSchedule;
  /** `token` is the job's lock token, for handlers that move their job themselves (e.g. back to delayed). */
  handle(job: Job<JobPayloads[N]>, token?: string): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** Returns the jobs that have no handler, and those with more than one. */
export function checkHandlers(handlers: JobHandler[]): { missing: JobName[]; duplicated: JobName[] } {
  const counts = new Map<JobName, number>();
  for (const h of handlers) counts.set(h.jobName, (counts.get(h.jobName) ?? 0) + 1);
  const all = Object.values(JobName);
  return {
    missing: all.filter((j) => !counts.has(j)),
    duplicated: all.filter((j) => (counts.get(j) ?? 0) > 1),
  };
}
