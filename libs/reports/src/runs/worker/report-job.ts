import { UnrecoverableError, type Job } from 'bullmq';
import { ReportInputError } from '../../model/report-kind.types';
import { ReportTargetGoneError } from '../dataset/report-dataset.loader';
import { BuildHooks, BuildOutcome, ReportBuildService } from './report-build.service';

/**
 * Runs a build for a BullMQ job: progress goes to the job as well as the
 * run, and an error is recorded on the run before BullMQ sees it (and
 * retries with backoff). A scope the data lacks will not fix itself, so it
 * fails at once.
 */
export async function runBuildJob(
  builds: ReportBuildService,
  job: Job<{ runId: string }>,
  onCompleted?: BuildHooks['onCompleted'],
): Promise<BuildOutcome> {
  const { runId } = job.data;
  try {
    return await builds.build(runId, { progress: (p) => job.updateProgress(p), onCompleted });
  } catch (err) {
    const error = err as Error;
    const unrecoverable = error instanceof ReportInputError || error instanceof ReportTargetGoneError;
    const final = unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // The job's own error matters more than a failure to record it; BullMQ keeps it either way.
    await builds.recordFailure(runId, error, final).catch((recordErr: Error) => {
      process.emitWarning(`could not record the failure of report run ${runId}: ${recordErr.message}`);
    });
    throw unrecoverable ? new UnrecoverableError(`${error.name}: ${error.message}`) : error;
  }
}
