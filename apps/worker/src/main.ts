import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit, migrateUnderLock, mountObservability, startTracing, stopOnSignals, WorkerRunner } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

/**
 * The worker is a Nest HTTP app only for its health endpoints (WORKER_PORT,
 * 0 = none). SIGTERM: readiness 503, no new job is taken, active jobs finish
 * within SHUTDOWN_TIMEOUT_MS or are handed back to the queue unspent.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'gcm-worker' });
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  stopOnSignals(app, (deadline) => app.get(WorkerRunner).drain(deadline));
  // The worker may start before the API: migrations run under the same advisory lock.
  if (config.MIGRATE_ON_START) await migrateUnderLock(app.get(DataSource));
  // /metrics (with METRICS_TOKEN) beside /health on the worker's port.
  mountObservability(app);
  await app.init();
  if (config.WORKER_PORT > 0) await app.listen(config.WORKER_PORT, config.HOST ?? '127.0.0.1');
  process.send?.({ type: 'ready' });
}

void bootstrap().catch((err: Error) => {
  process.stderr.write(`Worker failed to start: ${err.message}\n`);
  process.exit(1);
});
