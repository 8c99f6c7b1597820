import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** Makes the validated AppConfig injectable everywhere; loaded once per process. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
