import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { ReportJobData } from '@gcm/platform';
import { ReportInputError } from '../../model/report-kind.types';
import { ReportTargetGoneError } from '../dataset/report-dataset.loader';
import { BuildHooks, BuildOutcome, ReportBuildService } from './report-build.service';
import { classifyError, infraDelayMs } from './job-errors';

export interface JobSettings {
  /** How long infrastructure failures are waited out before the run fails (REPORT_INFRA_RETRY_MINUTES). */
  infraRetryMs: number;
}

/**
 * Runs a build for a BullMQ job: progress goes to the job as well as the
 * run, and an error is recorded on the run before BullMQ sees it. Three
 * kinds of failure (job-errors.ts):
 * - the database or Redis unreachable: the job goes back to delayed with a
 *   capped backoff, spending no attempt, until REPORT_INFRA_RETRY_MINUTES
 *   have passed (a failover outlasts the attempts' backoff many times);
 * - the worker shutting down under the job: handed back at once, no attempt;
 * - a real build error: BullMQ's attempts with backoff; a scope the data
 *   lacks will not fix itself, so it fails at once.
 */
export async function runBuildJob(
  builds: ReportBuildService,
  job: Job<ReportJobData>,
  token: string | undefined,
  settings: JobSettings,
  onCompleted?: BuildHooks['onCompleted'],
): Promise<BuildOutcome> {
  const { runId } = job.data;
  try {
    return await builds.build(runId, { progress: (p) => job.updateProgress(p), onCompleted });
  } catch (err) {
    const error = err as Error;
    const kind = classifyError(error);
    const since = job.data.infraSince ?? Date.now();
    if (token && (kind === 'aborted' || (kind === 'infra' && Date.now() - since < settings.infraRetryMs))) {
      await handBack(builds, job, token, error, kind, since);
      throw new DelayedError();
    }
    // A real error ends the current stretch of outage: a later outage gets its own full window.
    // Only the outage bookkeeping goes: the rest (the `_origin` the queue put there: trace, correlation id, actor) stays.
    if (kind === 'build' && job.data.infraSince) await job.updateData(withoutOutage(job.data)).catch(() => undefined);
    const unrecoverable = error instanceof ReportInputError || error instanceof ReportTargetGoneError;
    // An outage that outlasted the window fails the run now; the reconcile job re-queues it once the database answers.
    const final = unrecoverable || kind === 'infra' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // A failure the run's row cannot record (the database went away meanwhile) must not end the job: the run would
    // stay "running" for ever while its flow went on without it. The job waits the outage out like any other
    // (no attempt spent) and meets its error again once the database answers, then records it.
    const unrecorded = await builds.recordFailure(runId, error, final, kind === 'infra' ? 'infra' : 'build').then(() => null, (recordErr: Error) => recordErr);
    if (unrecorded && token && classifyError(unrecorded) === 'infra' && Date.now() - since < settings.infraRetryMs) {
      await handBack(builds, job, token, unrecorded, 'infra', since);
      throw new DelayedError();
    }
    // Otherwise the job's own error matters more than a failure to record it; BullMQ keeps it either way.
    if (unrecorded) process.emitWarning(`could not record the failure of report run ${runId}: ${unrecorded.message}`);
    throw unrecoverable || final ? new UnrecoverableError(`${error.name}: ${error.message}`) : error;
  }
}

/** Back to delayed without spending an attempt (moveToDelayed skips the attempt count); the outage's start stays in the job's data. */
async function handBack(
  builds: ReportBuildService, job: Job<ReportJobData>, token: string, error: Error, kind: 'infra' | 'aborted', since: number,
): Promise<void> {
  const retries = job.data.infraRetries ?? 0;
  // A second, not 0: the closing worker may still be fetching jobs, and must not take this one straight back.
  const delay = kind === 'aborted' ? 1000 : infraDelayMs(retries);
  if (kind === 'infra') await job.updateData({ ...job.data, infraSince: since, infraRetries: retries + 1 });
  // Best effort: with the database down this fails too, and the run simply stays queued/running until the retry.
  await builds.noteWaiting(job.data.runId, kind === 'aborted' ? 'handed back: the worker shut down mid-build' : `waiting for the infrastructure: ${error.name}: ${error.message}`)
    .catch(() => undefined);
  await job.moveToDelayed(Date.now() + delay, token);
}

/** A report job's data without the bookkeeping of an outage it waited out; every other field (e.g. `_origin`) kept. */
export function withoutOutage<T extends ReportJobData>(data: T): T {
  const rest = { ...data };
  delete rest.infraSince;
  delete rest.infraRetries;
  return rest;
}
