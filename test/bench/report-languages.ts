import { performance } from 'node:perf_hooks';
import { LOCALES } from '@gcm/platform/pure';
import { REPORT_FORMATS, ReportDocument, buildImrfSummary, buildStateReport, renderReport } from '@gcm/reports';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';

/** Content written in the script of each language (French and Spanish share the Latin sample). */
const CONTENT = { ar: 'ar', zh: 'zh', ru: 'ru', en: 'en', fr: 'en', es: 'en' } as const;

/**
 * The cost of one report per language and format: a State report (the State
 * with the most pledges) and the IMRF summary over 195 States and `pledges`
 * pledges, built in each of the six languages with its content in that
 * language's script, then rendered in every format on this thread (the
 * worker's render threads do the same work). Prints ms, CPU ms and size per
 * format; asserts nothing. Used by `npm run bench:reports` and
 * `npm run bench:report-builders`.
 */
export async function printReportCostPerLanguage(pledges = Number(process.env.LANGUAGE_PLEDGES ?? 10_000)): Promise<void> {
  const w = (s: string, n: number) => s.padStart(n);
  process.stdout.write(`\none report per language and format (${pledges} pledges; ms / CPU ms / size)\n`);
  process.stdout.write(`${'report'.padEnd(18)}${REPORT_FORMATS.map((f) => w(f, 24)).join('')}\n`);
  for (const language of LOCALES) {
    const data = syntheticDataset({ pledges, cycles: 2, contentLanguage: CONTENT[language] });
    const cycle = data.cycles[data.cycles.length - 1].code;
    const counts = new Map<string, number>();
    for (const p of data.pledges) counts.set(p.leadOrganisationId, (counts.get(p.leadOrganisationId) ?? 0) + 1);
    const state = data.organisations.filter((o) => o.kind === 'state').sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0];
    const docs: [string, ReportDocument][] = [
      [`state ${language}`, buildStateReport({ ...data, scope: { organisationId: state.id, cycleCode: cycle }, language })],
      [`imrf_summary ${language}`, buildImrfSummary({ ...data, scope: { cycleCodes: [cycle] }, language })],
    ];
    for (const [name, doc] of docs) {
      const cells: string[] = [];
      for (const format of REPORT_FORMATS) {
        await renderReport(doc, format); // warm: fonts read, code compiled
        const cpu0 = process.cpuUsage();
        const start = performance.now();
        const r = await renderReport(doc, format);
        const ms = performance.now() - start;
        const cpu = process.cpuUsage(cpu0);
        cells.push(w(`${ms.toFixed(0)} / ${((cpu.user + cpu.system) / 1000).toFixed(0)} / ${(r.bytes.length / 1024).toFixed(0)} kB`, 24));
      }
      process.stdout.write(`${name.padEnd(18)}${cells.join('')}\n`);
    }
  }
}
