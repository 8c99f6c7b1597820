import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReportDocument, buildReport, renderPdf } from '@gcm/reports';
import type { ReportKind, ReportScope } from '../../libs/reports/src/model/report-kind.types';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';

/**
 * The cost of the tagged PDF alone (issue 15), on this thread: for each
 * language (LANGS, default en,ar; content written in that script) over 195
 * States and PLEDGES (10,000) pledges, the IMRF summary and the busiest
 * State's report, then a 49-report set (the summary, 23 objectives, 5 themes,
 * 4 round tables, 5 regions, 11 States). Per report: wall ms, CPU ms, bytes,
 * pages, PDF objects; for the set: total bytes, CPU seconds, peak heap and
 * RSS of this process. Each report is rendered once
 * to warm up (fonts parsed, code compiled) before it is measured.
 * OUT=dir writes every PDF there (to compare text before and after a change);
 * SET=0 skips the set.
 * Asserts nothing. Run: npm run bench:pdf-render
 */
const LANGS = (process.env.LANGS ?? 'en,ar').split(',') as ('en' | 'ar' | 'zh' | 'ru')[];
const PLEDGES = Number(process.env.PLEDGES ?? 10_000);
const OUT = process.env.OUT;
const kb = (b: number) => `${(b / 1024).toFixed(0)} kB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

interface Measured { wall: number; cpu: number; bytes: Buffer }

async function measure(doc: ReportDocument): Promise<Measured> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const bytes = await renderPdf(doc);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  sample();
  return { wall, cpu: (cpu.user + cpu.system) / 1000, bytes };
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
/** The trailer's (or cross-reference stream's) /Size: the file's object count. */
const objects = (pdf: Buffer) => Number([...pdf.toString('latin1').matchAll(/\/Size (\d+)/g)].pop()?.[1] ?? 0);

async function main(): Promise<void> {
  const sampler = setInterval(sample, 5);
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${PLEDGES} pledges\n`);
  process.stdout.write(`${'report'.padEnd(24)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}${'size'.padStart(10)}${'pages'.padStart(7)}${'objects'.padStart(9)}\n`);
  const row = (name: string, m: Measured) => process.stdout.write(`${name.padEnd(24)}${m.wall.toFixed(0).padStart(9)}${m.cpu.toFixed(0).padStart(9)}` +
    `${kb(m.bytes.length).padStart(10)}${String(pages(m.bytes)).padStart(7)}${String(objects(m.bytes)).padStart(9)}\n`);
  if (OUT) mkdirSync(OUT, { recursive: true });
  for (const language of LANGS) {
    const data = syntheticDataset({ pledges: PLEDGES, cycles: 4, contentLanguage: language });
    const cycle = data.cycles[data.cycles.length - 1].code;
    const counts = new Map<string, number>();
    for (const p of data.pledges) counts.set(p.leadOrganisationId, (counts.get(p.leadOrganisationId) ?? 0) + 1);
    const states = data.organisations.filter((o) => o.kind === 'state').sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
    const scopes: [string, ReportKind, ReportScope][] = [
      ['imrf_summary', 'imrf_summary', { cycleCodes: [cycle] }],
      ['state', 'state', { organisationId: states[0].id, cycleCode: cycle }],
      ...Array.from({ length: 23 }, (_, i): [string, ReportKind, ReportScope] => [`objective-${i + 1}`, 'objective', { objective: i + 1, cycleCode: cycle }]),
      ...Array.from({ length: 5 }, (_, i): [string, ReportKind, ReportScope] => [`theme-${i + 1}`, 'theme', { theme: i + 1, cycleCode: cycle }]),
      ...['RT1', 'RT2', 'RT3', 'RT4'].map((rt): [string, ReportKind, ReportScope] => [`round_table-${rt}`, 'round_table', { roundTable: rt, cycleCodes: [cycle] }]),
      ...['002', '019', '142', '150', '009'].map((m49): [string, ReportKind, ReportScope] => [`region-${m49}`, 'region', { m49, cycleCode: cycle }]),
      ...states.slice(1, 11).map((s, i): [string, ReportKind, ReportScope] => [`state-${i + 2}`, 'state', { organisationId: s.id, cycleCode: cycle }]),
    ];
    const docs = scopes.map(([name, kind, scope]) => [name, buildReport(kind, { ...data, scope, language } as Parameters<typeof buildReport>[1])] as const);
    // The two reports the issue names, measured alone (median of 3 after a warm-up).
    for (const [name, doc] of docs.slice(0, 2)) {
      await renderPdf(doc);
      const runs = [await measure(doc), await measure(doc), await measure(doc)].sort((a, b) => a.cpu - b.cpu);
      row(`${name} ${language}`, runs[1]);
    }
    if (process.env.SET === '0') continue;
    // The set, each report once (the first two are warm already; the rest are measured cold, as a worker meets them).
    let bytes = 0;
    let cpu = 0;
    let wall = 0;
    let pageCount = 0;
    let objectCount = 0;
    peakHeap = 0;
    for (const [name, doc] of docs) {
      const m = await measure(doc);
      bytes += m.bytes.length;
      cpu += m.cpu;
      wall += m.wall;
      pageCount += pages(m.bytes);
      objectCount += objects(m.bytes);
      if (OUT) writeFileSync(join(OUT, `${name}-${language}.pdf`), m.bytes);
    }
    process.stdout.write(`${`${docs.length}-report set ${language}`.padEnd(24)}${wall.toFixed(0).padStart(9)}${cpu.toFixed(0).padStart(9)}` +
      `${mb(bytes).padStart(10)}${String(pageCount).padStart(7)}${String(objectCount).padStart(9)}   peak heap ${mb(peakHeap)}, load ${loadavg()[0].toFixed(2)}\n`);
  }
  clearInterval(sampler);
  process.stdout.write(`peak RSS of this process ${mb(peakRss)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
