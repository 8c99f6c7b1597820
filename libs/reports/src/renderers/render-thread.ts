import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ResourceLimits, Worker } from 'node:worker_threads';
import { ReportDocument } from '../model/document.types';
import { RenderedReport, ReportFormat } from './render-report';

export interface RenderThreadOptions {
  /** Aborting terminates the thread and rejects. */
  signal?: AbortSignal;
  resourceLimits?: ResourceLimits;
}

type ThreadMessage =
  | { ok: true; bytes: Uint8Array; contentType: string; extension: string }
  | { ok: false; name: string; message: string; stack?: string };

function findUp(start: string, file: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return join(dir, file);
    if (dirname(dir) === dir) throw new Error(`${file} not found above ${start}`);
  }
}

/**
 * Where the thread starts. Built code (`nest build` → dist) runs the compiled
 * `render-thread.entry.js` that sits next to this module: nothing to resolve at
 * run time, no TypeScript in production. When this module itself runs from
 * source (ts-jest, ts-node), there is no .js beside it, so the thread boots
 * ts-node in transpile-only mode and requires the .ts entry: the same code
 * path is tested without a build, and a separate spec runs the dist build.
 */
function threadEntry(): { filename: string; eval: boolean } {
  if (__filename.endsWith('.js')) return { filename: join(__dirname, 'render-thread.entry.js'), eval: false };
  const project = findUp(__dirname, 'tsconfig.json');
  const entry = join(__dirname, 'render-thread.entry.ts');
  return {
    // The renderers import @gcm/platform/pure: the thread resolves the tsconfig aliases as the build does.
    filename: `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(project)} });\n` +
      `{ const p = require('tsconfig-paths'); const c = p.loadConfig(${JSON.stringify(dirname(project))}); p.register({ baseUrl: c.absoluteBaseUrl, paths: c.paths }); }\n` +
      `require(${JSON.stringify(entry)});`,
    eval: true,
  };
}

/**
 * Renders in a worker thread so a large PDF or workbook never blocks the
 * calling event loop (the BullMQ worker keeps renewing its job locks while
 * this runs). One short-lived thread per call: reports are rare and large, so
 * the ~50 ms start-up is noise and a crash cannot poison a pool.
 */
export function renderInWorkerThread(model: ReportDocument, format: ReportFormat, options: RenderThreadOptions = {}): Promise<RenderedReport> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new Error('render aborted'));
  const entry = threadEntry();
  return new Promise<RenderedReport>((resolve, reject) => {
    const worker = new Worker(entry.filename, { eval: entry.eval, workerData: { model, format }, resourceLimits: options.resourceLimits });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(new Error('render aborted')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (msg: ThreadMessage) => settle(() => {
      if (msg.ok) {
        resolve({ bytes: Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength), contentType: msg.contentType, extension: msg.extension });
      } else {
        const err = new Error(msg.message);
        err.name = msg.name;
        if (msg.stack) err.stack = msg.stack;
        reject(err);
      }
    }));
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`render thread exited with code ${code} before answering`))));
  });
}
