import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, loadConfigOrExit } from '@gcm/platform';
import { ApiModule } from './api.module';
import { mountSwagger } from './swagger';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  configureHttpApp(app);
  mountSwagger(app);
  await app.listen(config.PORT, config.HOST ?? '0.0.0.0');
  process.send?.({ type: 'ready', port: config.PORT });
}

void bootstrap().catch((err: Error) => {
  process.stderr.write(`API failed to start: ${err.message}\n`);
  process.exit(1);
});
