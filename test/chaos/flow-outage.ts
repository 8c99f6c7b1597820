import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { JobName, QueueName, QueueService } from '@gcm/platform';
import { FlowState } from '../support/flow-check';
import type { OwnPostgres } from '../helpers/own-services';
import { Harness, sleep } from '../support/report-harness';
import type { WorkerProcess } from '../support/worker-process';

export interface FlowOutage {
  final: FlowState;
  failedAudits: number;
  retryActions: number;
  jobs: { total: number; waitedOut: number; infraRetries: number; maxAttempts: number; failed: number };
  /** Date.now() when PostgreSQL was told to stop, when it had stopped, when it was started again and when it answered queries. */
  down: number;
  stopped: number;
  restarting: number;
  up: number;
  /** The machine's 1-minute load average as PostgreSQL was started again (latencies depend on it). */
  loadAverage: number;
  /** Seconds from PostgreSQL answering again to the cycle's end state. */
  recoverySeconds: number;
}

/**
 * The part of the chaos scripts that is the same whoever consumes the flow:
 * closes the harness's cycle, stops its PostgreSQL for `seconds` once a tenth
 * of the flow has completed, starts it again, waits for the cycle to end and
 * collects what the queue and the audit log say about it.
 */
export async function outageDuringFlow(
  h: Harness, pg: OwnPostgres, seconds: number, workers: WorkerProcess[], log: (m: string) => void,
): Promise<FlowOutage> {
  const brief = (s: FlowState) => `${s.byStatus.completed ?? 0}/${s.runs} completed, ${s.versions} versions, ${s.files} files`;
  const queue = h.ctx.get(QueueService).queue(QueueName.Reports);
  const start = performance.now();
  const at = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
  await h.closeCycle();
  const total = (await h.state()).runs;
  log(`closed the cycle: ${total} reports queued, ${workers.length} workers`);
  // The outage starts once a tenth of the flow has completed: jobs are running, most are still to come.
  while (((await h.state()).byStatus.completed ?? 0) < Math.max(2, Math.floor(total / 10))) await sleep(200);
  log(`${at()}: ${brief(await h.state())}; stopping PostgreSQL for ${seconds} s`);
  const down = Date.now();
  await pg.stop();
  const stopped = Date.now();
  let maxDelayed = 0;
  while (Date.now() - down < seconds * 1000) {
    const counts = await queue.getJobCounts('delayed', 'active', 'waiting', 'failed');
    maxDelayed = Math.max(maxDelayed, counts.delayed);
    await sleep(2000);
  }
  const counts = await queue.getJobCounts('delayed', 'active', 'waiting', 'failed', 'waiting-children');
  log(`${at()}: starting PostgreSQL again; during the outage up to ${maxDelayed} jobs waited in delayed; now ${JSON.stringify(counts)}`);
  const restarting = Date.now();
  const loadAverage = loadavg()[0];
  await pg.start();
  const up = Date.now();
  // The harness's own pool may still hold a connection from before the stop: one failed read is retried.
  const read = () => h.state().catch(() => sleep(500).then(() => h.state()));
  let state = await read();
  log(`${at()}: PostgreSQL answers again after ${((up - down) / 1000).toFixed(1)} s down: ${brief(state)}`);
  const deadline = Date.now() + 15 * 60_000;
  while (!['compiled', 'compiled_with_failures'].includes(state.cycleStatus) && Date.now() < deadline) {
    await sleep(500);
    state = await read();
  }
  const recoverySeconds = (Date.now() - up) / 1000;
  log(`${at()}: cycle ${state.cycleStatus}, ${recoverySeconds.toFixed(1)} s after PostgreSQL came back: ${brief(state)}`);
  const jobs = (await queue.getJobs(['completed', 'failed'])).filter((j) => j.name === JobName.ReportBuild || j.name === JobName.ReportCompile);
  const failed = (await queue.getJobs(['failed'])).filter((j) => j.name !== JobName.ReportsReconcile).length;
  const stats = {
    total: jobs.length,
    waitedOut: jobs.filter((j) => (j.data.infraRetries ?? 0) > 0).length,
    infraRetries: jobs.reduce((n, j) => n + (j.data.infraRetries ?? 0), 0),
    maxAttempts: Math.max(0, ...jobs.map((j) => j.attemptsMade)),
    failed,
  };
  log(`report queue at the end: ${JSON.stringify(await queue.getJobCounts('completed', 'failed', 'delayed', 'active', 'waiting', 'waiting-children'))}`);
  // A job that spent more than its one counted attempt says why: BullMQ keeps each failed attempt's stack.
  for (const j of jobs.filter((x) => x.attemptsMade > 1)) log(`job ${j.id} (${j.name}) used ${j.attemptsMade} attempts: ${(j.stacktrace ?? []).map((t) => t.split('\n')[0]).join(' | ')}`);
  const noted = workers.flatMap((w) => w.stderr().split('\n')).filter((l) => /reconciled|job failed|not re-queued/.test(l));
  if (noted.length) log(`worker log:\n  ${noted.slice(-10).join('\n  ')}`);
  log(`report jobs: ${stats.total}; ${stats.waitedOut} waited the outage out (${stats.infraRetries} delayed retries in all, no attempt spent); `
    + `most attempts used by one job: ${stats.maxAttempts}; failed jobs: ${stats.failed}`);
  const [{ failedAudits, retryActions }] = await h.ds.query(
    `SELECT count(*) FILTER (WHERE a.action = 'report.run_failed')::int AS "failedAudits",
            count(*) FILTER (WHERE a.action = 'cycle.reports_retried')::int AS "retryActions"
       FROM audit_log a WHERE a.action IN ('report.run_failed', 'cycle.reports_retried')
        AND (a.entity_id = $1 OR a.entity_id IN (SELECT id::text FROM report_run WHERE cycle_id = $2))`,
    [h.cycleId, h.cycleId],
  );
  return { final: state, failedAudits, retryActions, jobs: stats, down, stopped, restarting, up, loadAverage, recoverySeconds };
}

/** Issue 14's checks on the flow: compiled, every report once with five files, no run failed, no attempt spent. */
export function flowVerdict(o: FlowOutage): [string, boolean][] {
  const final = o.final;
  return [
    ['cycle compiled', final.cycleStatus === 'compiled'],
    ['every run completed', (final.byStatus.completed ?? 0) === final.runs],
    ['one version per report, five files each, none incomplete', final.versions === final.runs && final.files === final.runs * 5 && final.incompleteVersions === 0],
    ['no duplicate run or version, none completed twice', final.duplicateRuns.length === 0 && final.duplicateVersions.length === 0 && final.completedTwice === 0],
    ['IMRF summary completed after its children', final.summaryLast],
    ['no run ever failed and nothing was retried (by hand or by the reconcile job)', o.failedAudits === 0 && o.retryActions === 0 && o.jobs.failed === 0],
    ['the outage spent no attempt (every job finished on its first counted attempt)', o.jobs.maxAttempts <= 1],
  ];
}
