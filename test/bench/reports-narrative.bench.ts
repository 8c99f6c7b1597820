import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  REPORT_FORMATS, ReportDocument, buildImrfSummary, buildObjectiveReport, buildRoundTableReport, canonicalJson, renderReport,
} from '@gcm/reports';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';

/**
 * `node dist/test/bench/reports-narrative.bench.js`: what the narrative
 * (prose overview, change since the last cycle, guiding questions, adoption)
 * costs in the reports that carry most of it — the four round-table reports,
 * two objective reports and the IMRF summary of the flow's cycle — built from the bench's synthetic
 * data set (195 States, 10,000 pledges, 4 cycles) with and without the
 * narrative, then rendered in every format on this thread. Prints CPU
 * seconds (which the machine's load does not change), wall seconds and bytes
 * per report and format, and the narrative's share of each. NARRATIVE_JSON=dir
 * writes each document's canonical JSON there (to compare builder output
 * before and after a change). PLEDGES and CYCLES override the size. Asserts nothing.
 */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Cost {
  cpu: number;
  wall: number;
  bytes: number;
}

async function measure<T>(fn: () => T | Promise<T>, size: (t: T) => number): Promise<Cost & { result: T }> {
  const c0 = cpu();
  const w0 = performance.now();
  const result = await fn();
  return { cpu: cpu() - c0, wall: (performance.now() - w0) / 1000, bytes: size(result), result };
}

const jsonBytes = (doc: ReportDocument) => Buffer.byteLength(canonicalJson(doc));

async function main(): Promise<void> {
  const data = syntheticDataset({ pledges: Number(process.env.PLEDGES ?? 10_000), cycles: Number(process.env.CYCLES ?? 4) });
  const codes = data.cycles.map((c) => c.code);
  const last = codes[codes.length - 1];
  const dump = process.env.NARRATIVE_JSON;
  if (dump) mkdirSync(dump, { recursive: true });
  const reports: [string, (narrative: boolean) => ReportDocument][] = [
    ...data.catalogue.roundTables.map((rt): [string, (narrative: boolean) => ReportDocument] => [
      `round_table ${rt.code}`, (narrative) => buildRoundTableReport({ ...data, scope: { roundTable: rt.code, cycleCodes: [last] }, narrative }),
    ]),
    ...[1, 8].map((n): [string, (narrative: boolean) => ReportDocument] => [
      `objective ${n}`, (narrative) => buildObjectiveReport({ ...data, scope: { objective: n, cycleCode: last }, narrative }),
    ]),
    ['imrf_summary', (narrative) => buildImrfSummary({ ...data, scope: { cycleCodes: [last] }, narrative })],
    ['imrf_summary span', (narrative) => buildImrfSummary({ ...data, scope: { cycleCodes: codes.slice(-2) }, narrative })],
  ];
  // Warm up: renderers and fonts load, code compiles, before anything is timed.
  const warm = reports[0][1](true);
  for (const f of REPORT_FORMATS) await renderReport(warm, f);

  const total: Record<'with' | 'without', Record<string, number>> = { with: {}, without: {} };
  const add = (k: 'with' | 'without', what: string, n: number) => (total[k][what] = (total[k][what] ?? 0) + n);
  const w = (s: string, n: number) => s.padStart(n);
  process.stdout.write(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  process.stdout.write(`${'report'.padEnd(32)}${['build', ...REPORT_FORMATS].map((f) => w(f, 22)).join('')}   (CPU s / wall s / size)\n`);
  for (const [name, build] of reports) {
    for (const narrative of [true, false]) {
      const k = narrative ? 'with' : 'without';
      const built = await measure(() => build(narrative), jsonBytes);
      const cells = [built];
      add(k, 'build', built.cpu);
      for (const f of REPORT_FORMATS) {
        const r = await measure(() => renderReport(built.result, f), (x) => x.bytes.length);
        cells.push({ ...r, result: built.result });
        add(k, f, r.cpu);
        add(k, `${f} bytes`, r.bytes);
      }
      if (dump) writeFileSync(join(dump, `${name.replace(/\s+/g, '-')}${narrative ? '' : '.bare'}.json`), canonicalJson(built.result));
      process.stdout.write(`${`${name}${narrative ? '' : ' [no narrative]'}`.padEnd(32)}${cells.map((c) => w(`${c.cpu.toFixed(2)} / ${c.wall.toFixed(2)} / ${(c.bytes / 1024).toFixed(0)} kB`, 22)).join('')}\n`);
    }
  }
  const sum = (k: 'with' | 'without') => ['build', ...REPORT_FORMATS].reduce((s, f) => s + (total[k][f] ?? 0), 0);
  process.stdout.write('\nCPU s, all reports above    with   without   the narrative adds\n');
  for (const f of ['build', ...REPORT_FORMATS]) {
    const a = total.with[f];
    const b = total.without[f];
    process.stdout.write(`${f.padEnd(26)}${w(a.toFixed(2), 8)}${w(b.toFixed(2), 10)}${w(`${(((a - b) / b) * 100).toFixed(0)} %`, 12)}\n`);
  }
  process.stdout.write(`${'all'.padEnd(26)}${w(sum('with').toFixed(2), 8)}${w(sum('without').toFixed(2), 10)}${w(`${(((sum('with') - sum('without')) / sum('without')) * 100).toFixed(0)} %`, 12)}\n`);
  process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
