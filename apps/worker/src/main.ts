import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit, migrateUnderLock } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

/**
 * The worker is a Nest HTTP app only for its health endpoints (WORKER_PORT,
 * 0 = none). SIGTERM closes the BullMQ workers: the active job finishes and
 * no new one is taken.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // The worker may start before the API: migrations run under the same advisory lock.
  if (config.MIGRATE_ON_START) await migrateUnderLock(app.get(DataSource));
  await app.init();
  if (config.WORKER_PORT > 0) await app.listen(config.WORKER_PORT, config.HOST ?? '127.0.0.1');
  process.send?.({ type: 'ready' });
}

void bootstrap().catch((err: Error) => {
  process.stderr.write(`Worker failed to start: ${err.message}\n`);
  process.exit(1);
});
