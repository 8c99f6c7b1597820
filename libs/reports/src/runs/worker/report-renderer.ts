import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@gcm/platform';
import type { ReportDocument } from '../../model/document.types';
import { REPORT_FORMATS, RenderedReport, ReportFormat, renderReport } from '../../renderers/render-report';
import { RenderPool } from './render-pool';

/** PDF and XLSX are CPU-heavy: they render in worker threads so the job's event loop keeps renewing its lock. */
const THREADED: ReadonlySet<ReportFormat> = new Set(['pdf', 'xlsx']);

@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  private readonly pool: RenderPool;

  constructor(config: AppConfig) {
    this.pool = new RenderPool(config.REPORT_RENDER_THREADS);
  }

  /** Cheap formats first on this thread, then the heavy ones in the pool; each is handed over as soon as it is ready. */
  async renderMissing(model: ReportDocument, have: Set<ReportFormat>, onRendered: (format: ReportFormat, file: RenderedReport) => Promise<void>): Promise<ReportFormat[]> {
    const missing = REPORT_FORMATS.filter((f) => !have.has(f));
    for (const format of missing.filter((f) => !THREADED.has(f))) {
      await onRendered(format, await renderReport(model, format));
    }
    await Promise.all(missing.filter((f) => THREADED.has(f)).map(async (format) => onRendered(format, await this.pool.render(model, format))));
    return missing;
  }

  /** One format, heavy ones in the pool (an edition previewed or re-rendered with its editorial text). */
  render(model: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
    return THREADED.has(format) ? this.pool.render(model, format) : renderReport(model, format);
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
