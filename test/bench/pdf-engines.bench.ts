import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { ReportDocument, buildImrfSummary, buildStateReport, renderHtml, renderPdf } from '@gcm/reports';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { fontFile } from '../../libs/reports/src/renderers/pdf-fonts';
import { pdfFonts, pdfToText } from '../../libs/reports/src/testing/pdf-text';

/**
 * The measurement behind the choice of PDF engine (issue 12): the same
 * report printed by (a) pdfkit with the bidi and shaping layer (PdfScript) and
 * (b) headless Chromium printing the HTML edition (one long-lived browser,
 * Noto fonts served from the same npm packages). A State report and the IMRF
 * summary over 195 States and 10,000 pledges, with content written in
 * English, Arabic and Chinese. Prints, per report: wall ms, CPU ms (Chromium:
 * this process plus every browser process), added RSS (pdfkit: the peak the
 * render adds to this process; Chromium: its processes added up, above the
 * idle browser, which is printed too), size, and whether pdftotext reads the
 * content back.
 * Asserts nothing. Run: npm run build && node dist/test/bench/pdf-engines.bench.js
 */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const MARK = `--gcm-engine-bench-${process.pid}`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function browserProcs(): { cpuMs: number; rss: number } {
  let ticks = 0;
  let rss = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MARK) && !isChildOfBrowser(pid)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(stat[11]) + Number(stat[12]);
      rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return { cpuMs: ticks * 10, rss };
}

/** Chromium's zygote and renderer processes carry the marker only through their parent. */
function isChildOfBrowser(pid: string): boolean {
  for (let p = pid, depth = 0; depth < 4; depth++) {
    const ppid = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1];
    if (ppid === '0' || ppid === '1') return false;
    if (readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes(MARK)) return true;
    p = ppid;
  }
  return false;
}

const FONT_CSS = [
  ['Noto Sans', 'latin', 'regular', 400], ['Noto Sans', 'latin', 'bold', 700],
  ['Noto Sans Arabic', 'arabic', 'regular', 400], ['Noto Sans Arabic', 'arabic', 'bold', 700],
  ['Noto Sans SC', 'cjk', 'regular', 400], ['Noto Sans SC', 'cjk', 'bold', 700],
].map(([family, face, weight, w]) => `@font-face{font-family:'${family}';font-weight:${w};src:url('https://fonts.invalid/${face}-${weight}.ttf')}`).join('');

async function main(): Promise<void> {
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [MARK, '--no-sandbox'] });
  const launchMs = performance.now() - t0;
  const idle = browserProcs();
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${ROUNDS} rounds, median\n`);
  process.stdout.write(`chromium: launch ${launchMs.toFixed(0)} ms, idle browser RSS ${mb(idle.rss)}\n`);
  const page = await browser.newPage();
  await page.route('https://fonts.invalid/**', (r) => {
    const [face, weight] = r.request().url().split('/').pop()!.replace('.ttf', '').split('-') as ['latin', 'regular'];
    return r.fulfill({ body: readFileSync(fontFile(face, weight)), contentType: 'font/ttf' });
  });
  const printChromium = async (doc: ReportDocument): Promise<Buffer> => {
    const html = renderHtml(doc).toString('utf8').replace('<style>', `<style>${FONT_CSS}`);
    await page.route('https://report.invalid/', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await page.goto('https://report.invalid/', { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.unroute('https://report.invalid/');
    return page.pdf({ format: 'A4', tagged: true, outline: true, printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
  };

  process.stdout.write(`${'report'.padEnd(22)}${'engine'.padEnd(10)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}${'+RSS'.padStart(9)}${'size'.padStart(9)}  fonts embedded, text read back\n`);
  for (const language of ['en', 'ar', 'zh'] as const) {
    const data = syntheticDataset({ pledges: 10_000, cycles: 4, contentLanguage: language });
    const cycle = data.cycles[data.cycles.length - 1].code;
    const busiest = [...data.pledges.reduce((m, p) => m.set(p.leadOrganisationId, (m.get(p.leadOrganisationId) ?? 0) + 1), new Map<string, number>())]
      .filter(([id]) => data.organisations.find((o) => o.id === id)?.kind === 'state').sort((a, b) => b[1] - a[1])[0][0];
    const docs: [string, ReportDocument][] = [
      [`state ${language}`, buildStateReport({ ...data, scope: { organisationId: busiest, cycleCode: cycle } })],
      [`imrf_summary ${language}`, buildImrfSummary({ ...data, scope: { cycleCodes: [cycle] } })],
    ];
    const sample = { en: 'Limited funding', ar: 'نقص التمويل', zh: '资金有限' }[language];
    for (const [name, doc] of docs) {
      for (const engine of ['pdfkit', 'chromium'] as const) {
        const walls: number[] = [];
        const cpus: number[] = [];
        let rss = 0;
        let bytes = Buffer.alloc(0);
        for (let round = 0; round < ROUNDS + 1; round++) {
          const before = browserProcs().cpuMs;
          const base = process.memoryUsage().rss;
          let peak = base;
          const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
          const cpu0 = process.cpuUsage();
          const start = performance.now();
          bytes = engine === 'pdfkit' ? await renderPdf(doc) : await printChromium(doc);
          const wall = performance.now() - start;
          clearInterval(sampler);
          peak = Math.max(peak, process.memoryUsage().rss);
          const cpu = process.cpuUsage(cpu0);
          const own = (cpu.user + cpu.system) / 1000;
          const after = browserProcs();
          // pdfkit: what the render added to this process; Chromium: its processes' RSS added up, above the idle browser.
          rss = Math.max(rss, engine === 'pdfkit' ? peak - base : after.rss - idle.rss);
          if (round === 0) continue; // warm-up: fonts read, code compiled
          walls.push(wall);
          cpus.push(own + (engine === 'chromium' ? after.cpuMs - before : 0));
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const fonts = pdfFonts(bytes);
        const text = pdfToText(bytes, false);
        const readBack = text.includes(sample) ? 'yes' : 'NO';
        process.stdout.write(`${name.padEnd(22)}${engine.padEnd(10)}${median(walls).toFixed(0).padStart(9)}${median(cpus).toFixed(0).padStart(9)}${mb(rss).padStart(9)}` +
          `${`${(bytes.length / 1024).toFixed(0)} kB`.padStart(9)}  ${fonts.filter((f) => f.embedded).length}/${fonts.length} embedded, "${sample}" ${readBack}\n`);
      }
    }
  }
  await browser.close();
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
