import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { pdfToText } from '../testing/pdf-text';

type DistReports = typeof import('../index');

/**
 * The production path: the lib as `nest build` emits it, whose thread runs the
 * compiled render-thread.entry.js next to it. `npm test` builds first.
 */
describe('renderInWorkerThread from the dist build', () => {
  const distIndex = join(__dirname, '../../../../dist/libs/reports/src/index.js');

  it('finds the compiled thread entry beside the compiled module', () => {
    if (!existsSync(distIndex)) throw new Error(`${distIndex} is missing: run npm run build (npm test does it first)`);
    expect(existsSync(join(distIndex, '../renderers/render-thread.entry.js'))).toBe(true);
  });

  it('renders in its thread exactly what it renders in process', async () => {
    // Built and compared entirely with the dist code, so a dist older than the sources cannot make it fail.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dist = require(distIndex) as DistReports;
    const doc = dist.buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
    for (const format of ['pdf', 'json', 'html', 'csv'] as const) {
      const [built, local] = await Promise.all([dist.renderInWorkerThread(doc, format), dist.renderReport(doc, format)]);
      expect({ format, same: built.bytes.equals(local.bytes) }).toEqual({ format, same: true });
    }
    const xlsx = await dist.renderInWorkerThread(doc, 'xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdfToText((await dist.renderInWorkerThread(doc, 'pdf')).bytes)).toContain('Only 17 percent');
    // Six threads each compile pdfkit, fontkit and exceljs and parse their fonts: slow on a loaded machine.
  }, 180_000);
});
