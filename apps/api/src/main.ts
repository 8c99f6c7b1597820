import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { configureHttpApp, httpDrainer, loadConfigOrExit, startTracing, stopOnSignals } from '@gcm/platform';
import { ApiModule } from './api.module';
import { mountSwagger } from './swagger';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'gcm-api' });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  configureHttpApp(app);
  mountSwagger(app);
  // SIGTERM: readiness 503, serve through the grace period, stop accepting, finish in-flight requests (bounded).
  const drainHttp = httpDrainer(app.getHttpServer() as Server);
  stopOnSignals(app, async (deadline) => {
    const { cut } = await drainHttp(config.SHUTDOWN_GRACE_MS, deadline);
    return cut === 0 ? 'every request answered' : `${cut} connection(s) cut at the deadline`;
  });
  await app.listen(config.PORT, config.HOST ?? '0.0.0.0');
  process.send?.({ type: 'ready', port: config.PORT });
}

void bootstrap().catch((err: Error) => {
  process.stderr.write(`API failed to start: ${err.message}\n`);
  process.exit(1);
});
