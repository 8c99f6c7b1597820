import { performance } from 'node:perf_hooks';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { FlowState } from '../support/flow-check';
import { sleep, withReportHarness } from '../support/report-harness';
import type { WorkerProcess } from '../support/worker-process';

/**
 * `npm run chaos:reports`: closes a cycle of a synthetic data set (all 195
 * States; PLEDGES, default 2,000) and kills the compiled worker with SIGKILL
 * KILLS times (default 10) at random moments of the flow, restarting it each
 * time; then checks that every report of the cycle ended completed exactly
 * once with one version and one file per format, and prints what it found.
 * Exits non-zero if not.
 */
async function main(): Promise<void> {
  const kills = Number(process.env.KILLS ?? 10);
  const data = syntheticDataset({ pledges: Number(process.env.PLEDGES ?? 2000), cycles: 2 });
  const close = data.cycles[data.cycles.length - 1].code;
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  const brief = (s: FlowState) => `${s.byStatus.completed ?? 0}/${s.runs} completed, ${s.versions} versions, ${s.files} files`;
  const final = await withReportHarness('chaos', data, close, async (h) => {
    const spawn = () => h.spawn({ WORKER_CONCURRENCY: '2', WORKER_LOCK_MS: '3000', WORKER_STALLED_INTERVAL_MS: '1000' });
    let worker: WorkerProcess = await spawn();
    const start = performance.now();
    await h.closeCycle();
    log(`closed ${close}: ${(await h.state()).runs} reports queued`);
    for (let i = 1; i <= kills; i++) {
      await sleep(500 + Math.floor(Math.random() * 2500));
      await worker.kill9();
      log(`kill -9 #${i} at ${((performance.now() - start) / 1000).toFixed(1)} s: ${brief(await h.state())}`);
      worker = await spawn();
    }
    let state = await h.state();
    const deadline = Date.now() + 10 * 60_000;
    while (state.cycleStatus !== 'compiled' && Date.now() < deadline) {
      await sleep(500);
      state = await h.state();
    }
    log(`finished at ${((performance.now() - start) / 1000).toFixed(1)} s: ${brief(state)}, cycle ${state.cycleStatus}`);
    return state;
  });
  const checks: [string, boolean][] = [
    ['cycle compiled', final.cycleStatus === 'compiled'],
    ['every run completed', (final.byStatus.completed ?? 0) === final.runs],
    ['one run per report', final.duplicateRuns.length === 0],
    ['one version per report', final.versions === final.runs && final.duplicateVersions.length === 0],
    ['five files per version, none missing', final.files === final.runs * 5 && final.incompleteVersions === 0],
    ['no run completed twice (audit log)', final.completedTwice === 0],
    ['IMRF summary completed after its children', final.summaryLast],
  ];
  for (const [what, ok] of checks) log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
