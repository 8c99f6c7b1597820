import { performance } from 'node:perf_hooks';
import { REPORT_FORMATS, buildImrfSummary, buildObjectiveReport, renderInWorkerThread, renderReport } from '@gcm/reports';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { printReportCostPerLanguage } from './report-languages';

/**
 * Builds the IMRF summary over 195 States, 10,000 pledges and 4 cycles of
 * updates held in memory, then renders it in every format, on this thread and
 * through renderInWorkerThread. Prints wall time and peak RSS; asserts nothing.
 * Run: npm run build && node dist/test/bench/reports-build.bench.js
 * (PLEDGES and CYCLES override the size).
 */
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const line = (label: string, ms: number, extra = '') =>
  process.stdout.write(`${label.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms   rss ${mb(process.memoryUsage().rss).padStart(9)}${extra}\n`);

async function timed<T>(label: string, fn: () => T | Promise<T>, describe: (t: T) => string = () => ''): Promise<T> {
  const start = performance.now();
  const result = await fn();
  line(label, performance.now() - start, describe(result) ? `   ${describe(result)}` : '');
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return result;
}

async function main(): Promise<void> {
  const pledges = Number(process.env.PLEDGES ?? 10_000);
  const cycleCount = Number(process.env.CYCLES ?? 4);
  const data = await timed('generate synthetic data set', () => syntheticDataset({ pledges, cycles: cycleCount }),
    (d) => `${d.organisations.length} organisations, ${d.pledges.length} pledges, ${d.updates.length} updates`);
  const cycleCodes = data.cycles.map((c) => c.code);
  await timed('build IMRF summary (latest cycle)', () => buildImrfSummary({ ...data, scope: { cycleCodes: cycleCodes.slice(-1) } }));
  const doc = await timed(`build IMRF summary (${cycleCodes.length} cycles)`, () => buildImrfSummary({ ...data, scope: { cycleCodes } }));
  for (const format of REPORT_FORMATS) {
    await timed(`render ${format} (this thread)`, () => renderReport(doc, format), (r) => kb(r.bytes.length));
  }
  for (const format of ['pdf', 'xlsx'] as const) {
    await timed(`render ${format} (worker thread)`, () => renderInWorkerThread(doc, format), (r) => kb(r.bytes.length));
  }
  // The heaviest document: every pledge on the most pledged objective in one table.
  const busiest = Number(process.env.OBJECTIVE ?? 1);
  const big = await timed(`build objective ${busiest} report`, () => buildObjectiveReport({ ...data, scope: { objective: busiest, cycleCode: cycleCodes[cycleCodes.length - 1] } }),
    (d) => `${d.sections.flatMap((s) => s.blocks).reduce((n, b) => n + (b.type === 'table' ? b.rows.length : 0), 0)} table rows`);
  for (const format of ['pdf', 'xlsx'] as const) {
    await timed(`render objective ${format} (worker thread)`, () => renderInWorkerThread(big, format), (r) => kb(r.bytes.length));
  }
  clearInterval(sampler);
  process.stdout.write(`peak RSS (main thread's process)       ${mb(peakRss)}\n`);
  await printReportCostPerLanguage(pledges);
}

main().catch((err: Error) => {
  clearInterval(sampler);
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
