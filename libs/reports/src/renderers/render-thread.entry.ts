import { parentPort, workerData } from 'node:worker_threads';
import { ReportDocument } from '../model/document.types';
import { ReportFormat, renderReport } from './render-report';

/**
 * Body of the render thread started by renderInWorkerThread: renders one
 * model, posts the bytes back (transferred, not copied) and ends.
 */
const { model, format } = workerData as { model: ReportDocument; format: ReportFormat };

renderReport(model, format).then(
  (r) => {
    // A fresh buffer: small Buffers share Node's pool, which must not be transferred away.
    const bytes = new Uint8Array(r.bytes);
    parentPort?.postMessage({ ok: true, bytes, contentType: r.contentType, extension: r.extension }, [bytes.buffer]);
  },
  (err: Error) => parentPort?.postMessage({ ok: false, name: err.name, message: err.message, stack: err.stack }),
);
