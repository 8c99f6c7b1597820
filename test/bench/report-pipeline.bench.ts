import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DatasetSlicer, REPORT_FORMATS, ReportFormat, ReportKind, ReportTarget, buildReport, renderReport } from '@gcm/reports';
import type { LoadedDataset } from '../../libs/reports/src/runs/dataset/report-dataset.loader';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { ReportRenderer } from '../../libs/reports/src/runs/worker/report-renderer';
import type { AppConfig } from '@gcm/platform';

/**
 * `npm run bench:report-pipeline`: the worker's steps for every report of a
 * cycle's flow (195 States, 10,000 pledges, 4 cycles; the flow's targets) on
 * this one thread, without the database or the queue: slice and hash, build,
 * and each of the five formats. Prints per kind the reports, wall and CPU
 * seconds of each step and the bytes, then the process's peak RSS and heap;
 * asserts nothing. What the flow bench's per-kind times are made of.
 * PLEDGES, CYCLES override; STATES=n builds only the first n State reports
 * (their figures are then scaled to all of them); FORMATS=json,html… renders
 * only those. POOL=n runs them as the worker does instead (asTheWorker).
 */
const STEPS = ['slice', 'build', ...REPORT_FORMATS] as const;
type Step = (typeof STEPS)[number];

interface Cost { wall: number; cpu: number; bytes: number }
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function measure<T>(cost: Cost, fn: () => T | Promise<T>, size: (t: T) => number = () => 0): Promise<T> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const result = await fn();
  cost.wall += (performance.now() - t0) / 1000;
  cost.cpu += cpuNow() - c0;
  cost.bytes += size(result);
  return result;
}

/** The synthetic data set as the flow's jobs see it: parsed from the stored snapshot (plain JSON), the generator's copy gone. */
function storedSnapshot(pledges: number, cycles: number): LoadedDataset {
  const data = syntheticDataset({ pledges, cycles });
  const json = JSON.stringify({ ...data, snapshot: undefined });
  return { ...JSON.parse(json), takenAt: data.snapshot.takenAt, frameworkVersion: 1 };
}

async function main(): Promise<void> {
  const pledges = Number(process.env.PLEDGES ?? 10_000);
  const cycles = Number(process.env.CYCLES ?? 4);
  const formats = (process.env.FORMATS?.split(',') ?? [...REPORT_FORMATS]) as ReportFormat[];
  const t0 = performance.now();
  const loaded = storedSnapshot(pledges, cycles);
  const parseMs = performance.now() - t0;
  const cycle = loaded.cycles[loaded.cycles.length - 1].code;
  const states = [...new Set(loaded.pledges.map((p) => p.leadOrganisationId))]
    .map((id) => loaded.organisations.find((o) => o.id === id && o.kind === 'state')?.countryAlpha3)
    .filter((a): a is string => !!a).sort();
  const regions = [...new Set(states.map((a) => loaded.catalogue.countries.find((c) => c.alpha3 === a)?.regionM49).filter((r): r is string => !!r))].sort();
  const stateLimit = Number(process.env.STATES ?? states.length);
  const targets: [ReportKind, string][] = [
    ...states.slice(0, stateLimit).map((a): [ReportKind, string] => ['state', a]),
    ...regions.map((r): [ReportKind, string] => ['region', r]),
    ...loaded.catalogue.objectives.map((o): [ReportKind, string] => ['objective', String(o.number)]),
    ...loaded.catalogue.themes.map((t): [ReportKind, string] => ['theme', `T${t.number}`]),
    ...loaded.catalogue.roundTables.map((r): [ReportKind, string] => ['round_table', r.code]),
    ['imrf_summary', 'global'],
  ];
  process.stdout.write(`report pipeline on one thread: ${states.length} States, ${loaded.pledges.length} pledges, ${loaded.updates.length} updates; ` +
    `snapshot made and parsed in ${parseMs.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}\n`);
  if (process.env.POOL) return asTheWorker(loaded, targets, cycle, Number(process.env.POOL), Number(process.env.CONCURRENCY ?? 2));
  const slicer = new DatasetSlicer();
  const byKind = new Map<ReportKind, { n: number; costs: Record<Step, Cost> }>();
  const cpu0 = cpuNow();
  const wall0 = performance.now();
  for (const [kind, scope] of targets) {
    let k = byKind.get(kind);
    if (!k) byKind.set(kind, (k = { n: 0, costs: Object.fromEntries(STEPS.map((s) => [s, { wall: 0, cpu: 0, bytes: 0 }])) as Record<Step, Cost> }));
    k.n++;
    const target: ReportTarget = { kind, scope, cycleCodes: [cycle], cycleIds: ['c'], language: 'en' };
    const { input } = await measure(k.costs.slice, () => slicer.slice(loaded, target));
    const model = await measure(k.costs.build, () => buildReport(kind, { ...input, language: 'en', publicUrl: 'https://gcm.example' }));
    for (const format of formats) await measure(k.costs[format], () => renderReport(model, format), (r) => r.bytes.length);
  }
  const cpu = cpuNow() - cpu0;
  const wall = (performance.now() - wall0) / 1000;
  clearInterval(sampler);
  const cols = STEPS.filter((s) => s === 'slice' || s === 'build' || formats.includes(s as ReportFormat));
  process.stdout.write(`\n${'kind (reports)'.padEnd(20)}${cols.map((s) => s.padStart(18)).join('')}${'all steps'.padStart(18)}   (CPU s over the kind's reports; MB written)\n`);
  let scaledCpu = 0;
  for (const [kind, { n, costs }] of byKind) {
    const scale = kind === 'state' ? states.length / n : 1;
    const total = cols.reduce((s, c) => s + costs[c].cpu, 0) * scale;
    scaledCpu += total;
    const cell = (c: Step) => `${(costs[c].cpu * scale).toFixed(2)}${costs[c].bytes ? ` ${(costs[c].bytes * scale / 1048576).toFixed(1)}MB` : ''}`.padStart(18);
    process.stdout.write(`${`${kind} (${Math.round(n * scale)})`.padEnd(20)}${cols.map(cell).join('')}${total.toFixed(2).padStart(18)}\n`);
  }
  const mem = process.memoryUsage();
  process.stdout.write(`\nmeasured ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU s; whole flow (States scaled) ≈ ${scaledCpu.toFixed(1)} CPU s on one thread\n`);
  process.stdout.write(`peak RSS ${(peakRss / 1048576).toFixed(0)} MB, heap used now ${(mem.heapUsed / 1048576).toFixed(0)} MB; load ${loadavg()[0].toFixed(1)}\n`);
}

/**
 * POOL=n: the reports as the worker runs them, CONCURRENCY (2) at a time, JSON, HTML and CSV on this
 * thread and PDF and XLSX in a RenderPool of n threads; prints wall and CPU time and the process's peak
 * RSS (threads included), which is what the worker's memory is made of without the database and queue.
 */
async function asTheWorker(loaded: LoadedDataset, targets: [ReportKind, string][], cycle: string, threads: number, concurrency: number): Promise<void> {
  const renderer = new ReportRenderer({ REPORT_RENDER_THREADS: threads } as AppConfig);
  const slicer = new DatasetSlicer();
  const queue = [...targets];
  const cpu0 = cpuNow();
  const t0 = performance.now();
  let bytes = 0;
  const one = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [kind, scope] = next;
      const { input } = slicer.slice(loaded, { kind, scope, cycleCodes: [cycle], cycleIds: ['c'], language: 'en' });
      const model = buildReport(kind, { ...input, language: 'en', publicUrl: 'https://gcm.example' });
      await renderer.renderMissing(model, new Set(), async (_format, file) => {
        bytes += file.bytes.length;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, one));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const usage = process.resourceUsage();
  process.stdout.write(`${targets.length} reports as the worker runs them (${concurrency} at a time, ${threads} render threads): ${wall.toFixed(1)} s wall, ` +
    `${(cpuNow() - cpu0).toFixed(1)} CPU s (all threads), ${(bytes / 1048576).toFixed(0)} MB of files\n`);
  process.stdout.write(`peak RSS ${(peakRss / 1048576).toFixed(0)} MB (kernel's high-water mark ${(usage.maxRSS / 1024).toFixed(0)} MB), ` +
    `main heap now ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB; load ${loadavg()[0].toFixed(1)}\n`);
  await renderer.onModuleDestroy();
}

main().catch((err: Error) => {
  clearInterval(sampler);
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
