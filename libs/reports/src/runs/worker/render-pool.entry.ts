import { parentPort } from 'node:worker_threads';
import type { ReportDocument } from '../../model/document.types';
import { ReportFormat, renderReport } from '../../renderers/render-report';

/**
 * Body of a long-lived render thread: renders one model per message, for as
 * long as the pool keeps it, so pdfkit and exceljs load once per thread
 * rather than once per file.
 */
parentPort?.on('message', (task: { id: number; model: ReportDocument; format: ReportFormat }) => {
  renderReport(task.model, task.format).then(
    (r) => {
      // A fresh buffer: small Buffers share Node's pool, which must not be transferred away.
      const bytes = new Uint8Array(r.bytes);
      parentPort?.postMessage({ id: task.id, ok: true, bytes, contentType: r.contentType, extension: r.extension }, [bytes.buffer]);
    },
    (err: Error) => parentPort?.postMessage({ id: task.id, ok: false, name: err.name, message: err.message, stack: err.stack }),
  );
});
