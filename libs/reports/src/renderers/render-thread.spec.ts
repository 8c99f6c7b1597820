import ExcelJS from 'exceljs';
import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { pdfToText } from '../testing/pdf-text';
import { handMadeSummary } from '../testing/rendered.fixture';
import { syntheticDataset } from '../testing/synthetic-dataset';
import * as pdfRenderer from './pdf.renderer';
import { renderReport } from './render-report';
import { renderInWorkerThread } from './render-thread';

/** From sources (ts-jest): the thread boots ts-node and runs the .ts entry; render-thread.dist.spec covers the build. */
describe('renderInWorkerThread from sources', () => {
  const doc = handMadeSummary();

  it('renders the same PDF bytes as the calling thread would', async () => {
    const [threaded, local] = await Promise.all([renderInWorkerThread(doc, 'pdf'), renderReport(doc, 'pdf')]);
    expect(threaded.contentType).toBe('application/pdf');
    expect(threaded.extension).toBe('pdf');
    expect(threaded.bytes.equals(local.bytes)).toBe(true);
    expect(pdfToText(threaded.bytes)).toContain('Saving lives and missing migrants');
  });

  it('returns a readable workbook', async () => {
    const r = await renderInWorkerThread(doc, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('objective-coverage')!.rowCount).toBe(24);
  });

  it('draws a large PDF on another thread, never on the calling one', async () => {
    const big = buildImrfSummary({ ...syntheticDataset({ pledges: 3000, cycles: 2 }), scope: { cycleCodes: ['2025-H1', '2025-H2'] } });
    const spy = jest.spyOn(pdfRenderer, 'renderPdf');
    try {
      const r = await renderInWorkerThread(big, 'pdf');
      expect(pdfToText(r.bytes)).toContain('IMRF summary: progress reported in 2025-H1 to 2025-H2');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects with the renderer error, and on abort', async () => {
    await expect(renderInWorkerThread(doc, 'docx' as never)).rejects.toThrow('unknown report format docx');
    const ac = new AbortController();
    const pending = renderInWorkerThread(doc, 'pdf', { signal: ac.signal });
    ac.abort();
    await expect(pending).rejects.toThrow('render aborted');
  });
});
