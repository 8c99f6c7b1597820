import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from '../../model/document.types';
import type { RenderedReport, ReportFormat } from '../../renderers/render-report';
import { RenderAbortedError } from './job-errors';

interface Task {
  id: number;
  model: ReportDocument;
  format: ReportFormat;
  resolve(r: RenderedReport): void;
  reject(e: Error): void;
}

type Reply =
  | { id: number; ok: true; bytes: Uint8Array; contentType: string; extension: string }
  | { id: number; ok: false; name: string; message: string; stack?: string };

interface Slot {
  thread: Worker;
  task: Task | null;
}

/** Built code runs the compiled entry beside this file; from sources (ts-jest) the thread registers ts-node first. */
function entry(): { filename: string; eval: boolean } {
  if (__filename.endsWith('.js')) return { filename: join(__dirname, 'render-pool.entry.js'), eval: false };
  let dir = __dirname;
  while (!existsSync(join(dir, 'tsconfig.json'))) dir = dirname(dir);
  return {
    filename: `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(dir, 'tsconfig.json'))} });\n` +
      // The renderers import @gcm/platform/pure: the thread resolves the tsconfig aliases as the build does.
      `{ const p = require('tsconfig-paths'); const c = p.loadConfig(${JSON.stringify(dir)}); p.register({ baseUrl: c.absoluteBaseUrl, paths: c.paths }); }\n` +
      `require(${JSON.stringify(join(__dirname, 'render-pool.entry.ts'))});`,
    eval: true,
  };
}

/**
 * A fixed set of long-lived worker threads for PDF and XLSX. Starting a
 * thread and loading pdfkit or exceljs costs about half a second, several
 * times the render of a typical State report, so threads are kept and fed
 * one file at a time. A thread that dies takes only its own file down (the
 * job retries) and is replaced.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  render(model: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
    if (this.closed) return Promise.reject(new RenderAbortedError());
    return new Promise<RenderedReport>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, model, format, resolve, reject });
      this.dispatch();
    });
  }

  /** At shutdown: waiting and running renders end with RenderAbortedError, so their jobs are handed back rather than failed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.reject(new RenderAbortedError());
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.task?.reject(new RenderAbortedError());
      s.task = null;
    }
    await Promise.all(slots.map((s) => s.thread.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.waiting.shift() as Task;
      slot.task = task;
      slot.thread.postMessage({ id: task.id, model: task.model, format: task.format });
    }
  }

  private spawn(): Slot {
    const e = entry();
    const slot: Slot = { thread: new Worker(e.filename, { eval: e.eval }), task: null };
    slot.thread.unref();
    slot.thread.on('message', (reply: Reply) => {
      const task = slot.task;
      slot.task = null;
      if (task && task.id === reply.id) {
        if (reply.ok) {
          task.resolve({ bytes: Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), contentType: reply.contentType, extension: reply.extension });
        } else {
          const err = new Error(reply.message);
          err.name = reply.name;
          if (reply.stack) err.stack = reply.stack;
          task.reject(err);
        }
      }
      this.dispatch();
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.task?.reject(err);
      slot.task = null;
      if (!this.closed) this.dispatch();
    };
    slot.thread.on('error', fail);
    slot.thread.on('exit', (code) => fail(new Error(`render thread exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
