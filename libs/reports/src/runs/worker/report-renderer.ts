import { Injectable } from '@nestjs/common';
import type { ReportDocument } from '../../model/document.types';
import { REPORT_FORMATS, RenderedReport, ReportFormat, renderReport } from '../../renderers/render-report';
import { renderInWorkerThread } from '../../renderers/render-thread';

/** PDF and XLSX are CPU-heavy: they render in a worker thread so the job's event loop keeps renewing its lock. */
const THREADED: ReadonlySet<ReportFormat> = new Set(['pdf', 'xlsx']);

@Injectable()
export class ReportRenderer {
  /** Cheap formats first on this thread, then the heavy ones in parallel threads; each is handed over as soon as it is ready. */
  async renderMissing(model: ReportDocument, have: Set<ReportFormat>, onRendered: (format: ReportFormat, file: RenderedReport) => Promise<void>): Promise<ReportFormat[]> {
    const missing = REPORT_FORMATS.filter((f) => !have.has(f));
    for (const format of missing.filter((f) => !THREADED.has(f))) {
      await onRendered(format, await renderReport(model, format));
    }
    await Promise.all(missing.filter((f) => THREADED.has(f)).map(async (format) => onRendered(format, await renderInWorkerThread(model, format))));
    return missing;
  }
}
