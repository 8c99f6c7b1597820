import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { handMadeSummary } from '../testing/rendered.fixture';
import { pdfToText } from '../testing/pdf-text';
import { renderReport } from './render-report';

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

  it('renders PDF, XLSX and JSON identical to the in-process renderers', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dist = require(distIndex) as DistReports;
    const doc = handMadeSummary();
    for (const format of ['pdf', 'json', 'html', 'csv'] as const) {
      const [built, local] = await Promise.all([dist.renderInWorkerThread(doc, format), renderReport(doc, format)]);
      expect({ format, same: built.bytes.equals(local.bytes) }).toEqual({ format, same: true });
    }
    const xlsx = await dist.renderInWorkerThread(doc, 'xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdfToText((await dist.renderInWorkerThread(doc, 'pdf')).bytes)).toContain('Only 17 percent');
  });
});
