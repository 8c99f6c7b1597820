import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { ReportRunsService } from '@gcm/reports';
import { cpuSeconds, peakRssBytes, sleep, withReportHarness } from '../support/report-harness';
import { printReportCostPerLanguage } from './report-languages';

/**
 * `npm run bench:reports`: all 195 States, 10,000 pledges, 4 cycles of
 * updates written to a scratch database; closing the last cycle queues its
 * report flow, which one compiled worker (WORKER_CONCURRENCY jobs,
 * REPORT_RENDER_THREADS render threads; 2 and 2 by default, for 2 cores)
 * runs to the end. Prints wall time, jobs per second, the IMRF summary's own
 * time, the worker's CPU time and peak memory, each beside the load average.
 * Then the same flow again in a fresh database with REPORT_NARRATIVE=off, to
 * show what the narrative sections add (NARRATIVE_COMPARISON=0 skips it).
 * Asserts nothing.
 * Then the cost of one report per language (the six) and format, in memory.
 * PLEDGES, CYCLES, WORKER_CONCURRENCY and REPORT_RENDER_THREADS override;
 * LANGUAGE_COST=0 leaves out the per-language table.
 */
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
/** Every figure with the machine's load average (1 min) when it was taken: a busy machine's figures show as such. */
const out = (label: string, value: string) => process.stdout.write(`${label.padEnd(44)} ${value.padEnd(56)} load ${loadavg()[0].toFixed(1)}\n`);

interface FlowFigures {
  wall: number;
  cpu: number | null;
  peak: number | null;
}

/**
 * One cycle's flow, from closing to compiled, in a scratch database of its
 * own, run by one compiled worker. `narrative` off (REPORT_NARRATIVE=off)
 * builds every report without its narrative sections: the comparison run.
 */
async function flow(data: ReturnType<typeof syntheticDataset>, narrative: boolean, withSummary: boolean): Promise<FlowFigures> {
  const close = data.cycles[data.cycles.length - 1].code;
  const concurrency = process.env.WORKER_CONCURRENCY ?? '2';
  const threads = process.env.REPORT_RENDER_THREADS ?? '2';
  const tag = narrative ? '' : ' [no narrative]';
  const seedStart = performance.now();
  return withReportHarness('bench', data, close, async (h) => {
    out(`seeded the database${tag}`, `${((performance.now() - seedStart) / 1000).toFixed(1)} s (migrations, catalogue, data set)`);
    const worker = await h.spawn({
      WORKER_CONCURRENCY: concurrency, REPORT_RENDER_THREADS: threads, WORKER_LOCK_MS: '30000', WORKER_STALLED_INTERVAL_MS: '15000',
      REPORT_NARRATIVE: narrative ? 'on' : 'off',
    });
    out(`worker${tag}`, `WORKER_CONCURRENCY=${concurrency}, REPORT_RENDER_THREADS=${threads}`);
    const cpu0 = cpuSeconds(worker.child.pid) ?? 0;
    const threads0 = threadCpu(worker.child.pid);
    const start = performance.now();
    await h.closeCycle();
    // Only the cycle's status while the flow runs (the full state's counts would load the database the worker uses).
    const sampler = new KindSampler(h, worker.child.pid);
    for (;;) {
      await sleep(250);
      await sampler.sample();
      const [{ status }] = await h.ds.query('SELECT status FROM reporting_cycle WHERE id = $1', [h.cycleId]);
      if (status === 'compiled' || status === 'compiled_with_failures') break;
      if (worker.child.exitCode !== null) throw new Error(`worker died: ${worker.stderr()}`);
    }
    const wall = (performance.now() - start) / 1000;
    const state = await h.state();
    const peak = peakRssBytes(worker.child.pid);
    const cpuNow = cpuSeconds(worker.child.pid);
    const cpu = cpuNow === null ? null : cpuNow - cpu0;
    const kinds: { kind: string; n: number; avg: number; max: number }[] = await h.ds.query(
      `SELECT kind, count(*)::int n, avg(extract(epoch FROM finished_at - started_at))::float avg, max(extract(epoch FROM finished_at - started_at))::float max
         FROM report_run WHERE cycle_id = $1 AND flow_id IS NOT NULL GROUP BY kind ORDER BY kind`,
      [h.cycleId],
    );
    const [{ bytes }] = await h.ds.query(
      `SELECT sum(f.size)::bigint AS bytes FROM report_file f JOIN report_version v ON v.id = f.version_id WHERE v.cycle_id = $1 AND v.cycle_key NOT LIKE '%+%'`,
      [h.cycleId],
    );
    out(`closing ${close} to compiled (whole flow)${tag}`, `${wall.toFixed(1)} s`);
    out('reports (jobs) completed', `${state.runs} (${state.byStatus.completed ?? 0} completed, ${state.files} files, ${mb(Number(bytes))})`);
    out('throughput', `${(state.runs / wall).toFixed(1)} jobs/s`);
    for (const k of kinds) {
      const share = sampler.kinds.get(k.kind);
      out(`  ${k.kind} (${k.n})`, `avg ${k.avg.toFixed(2)} s, max ${k.max.toFixed(2)} s per report; ` +
        `${share ? `≈ ${share.cpu.toFixed(1)} CPU s, RSS ≤ ${mb(share.rss)} while running` : 'not sampled'}`);
    }
    out('  (CPU s: each 250 ms sample split among the runs', 'running then; RSS: the highest sampled while one ran)');
    const byThread = [...threadCpu(worker.child.pid)].map(([tid, s]) => [tid, s - (threads0.get(tid) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
    out('worker CPU by thread (the busiest five)', byThread.slice(0, 5).map(([tid, s]) => `${tid} ${s.toFixed(1)} s`).join(', '));
    const [{ restarted }] = await h.ds.query(`SELECT count(*) FILTER (WHERE attempts > 1)::int AS restarted FROM report_run WHERE cycle_id = $1`, [h.cycleId]);
    out('runs started more than once (stalled, retried)', String(restarted));
    out(`worker peak RSS during the flow${tag}`, mb(peak));
    out(`worker CPU time for the flow (all threads)${tag}`, cpu === null ? 'n/a' : `${cpu.toFixed(1)} s`);
    if (withSummary) {
      // The summary on its own, as the secretariat would request it: over the last two cycles (not built yet), data read afresh.
      const span = data.cycles.slice(-2).map((c) => c.code);
      const cpuBefore = cpuSeconds(worker.child.pid);
      const { run } = await h.ctx.get(ReportRunsService).request({ kind: 'imrf_summary', cycles: span }, null);
      const alone = await waitForRun(h, run.id);
      const cpuAfter = cpuSeconds(worker.child.pid);
      out('IMRF summary in the flow (build, 5 formats)', `${kinds.find((k) => k.kind === 'imrf_summary')?.max.toFixed(2)} s`);
      out(`IMRF summary alone, ${span.join('+')} (read, build, 5 formats)`,
        `${alone.toFixed(2)} s${cpuBefore === null || cpuAfter === null ? '' : `, ${(cpuAfter - cpuBefore).toFixed(1)} CPU s`}`);
      out('worker peak RSS after the summary alone', mb(peakRssBytes(worker.child.pid)));
    }
    await worker.stop();
    return { wall, cpu, peak };
  });
}

async function main(): Promise<void> {
  const pledges = Number(process.env.PLEDGES ?? 10_000);
  const cycles = Number(process.env.CYCLES ?? 4);
  const data = syntheticDataset({ pledges, cycles });
  out('machine', `${availableParallelism()} CPUs, node ${process.version}`);
  out('data set', `${data.catalogue.countries.length} States, ${data.pledges.length} pledges, ${data.updates.length} updates in ${cycles} cycles`);
  const full = await flow(data, true, true);
  // NARRATIVE_COMPARISON=0 skips the second flow (issue 16: the narrative may add at most 20 % to the flow's time).
  if (process.env.NARRATIVE_COMPARISON !== '0') {
    const bare = await flow(data, false, false);
    const pct = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : `${(((a - b) / b) * 100).toFixed(0)} %`);
    out('the narrative adds to the flow: CPU time', `${pct(full.cpu, bare.cpu)} (${full.cpu?.toFixed(1)} s with, ${bare.cpu?.toFixed(1)} s without)`);
    out('the narrative adds to the flow: wall time', `${pct(full.wall, bare.wall)} (${full.wall.toFixed(1)} s with, ${bare.wall.toFixed(1)} s without)`);
    out('the narrative adds to the flow: peak RSS', `${pct(full.peak, bare.peak)} (${mb(full.peak)} with, ${mb(bare.peak)} without)`);
  }
  // LANGUAGE_COST=0 skips the per-language table (the flow's figures alone).
  if (process.env.LANGUAGE_COST !== '0') await printReportCostPerLanguage(pledges);
}

/**
 * Every 250 ms: the worker's CPU time and resident memory (from /proc) and
 * which kinds of report are running; the CPU used since the last sample is
 * split evenly among the runs running now, and each kind keeps the highest
 * RSS seen while one of its runs ran. An estimate (two jobs and two render
 * threads overlap), but load-independent enough to compare kinds.
 */
class KindSampler {
  readonly kinds = new Map<string, { cpu: number; rss: number }>();
  private lastCpu: number | null;

  constructor(private readonly h: { ds: { query(sql: string, p: unknown[]): Promise<{ kind: string }[]> }; cycleId: string }, private readonly pid: number | undefined) {
    this.lastCpu = cpuSeconds(pid);
  }

  async sample(): Promise<void> {
    const running = await this.h.ds.query(`SELECT kind FROM report_run WHERE cycle_id = $1 AND status = 'running'`, [this.h.cycleId]);
    const cpu = cpuSeconds(this.pid);
    const rss = rssBytes(this.pid);
    if (cpu === null || this.lastCpu === null) return;
    const used = cpu - this.lastCpu;
    this.lastCpu = cpu;
    for (const { kind } of running) {
      const k = this.kinds.get(kind) ?? this.kinds.set(kind, { cpu: 0, rss: 0 }).get(kind)!;
      k.cpu += used / running.length;
      k.rss = Math.max(k.rss, rss ?? 0);
    }
  }
}

/** Resident memory of a process now (threads included), from /proc; null elsewhere. */
function rssBytes(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds per thread of a process ("main" and the others by id), from /proc. */
function threadCpu(pid: number | undefined): Map<string, number> {
  const byThread = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      byThread.set(String(tid) === String(pid) ? 'main' : `thread ${tid}`, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    // Not Linux, or the process is gone.
  }
  return byThread;
}

/** Seconds from the run's start to its end, once completed. */
async function waitForRun(h: { ds: { query(sql: string, p: unknown[]): Promise<{ status: string; secs: number }[]> } }, id: string): Promise<number> {
  for (;;) {
    const [r] = await h.ds.query('SELECT status, extract(epoch FROM finished_at - started_at)::float AS secs FROM report_run WHERE id = $1', [id]);
    if (r.status === 'completed') return r.secs;
    if (r.status === 'failed' || r.status === 'cancelled') throw new Error(`the summary run ended ${r.status}`);
    await sleep(200);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
