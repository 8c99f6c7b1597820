import { Module } from '@nestjs/common';
import { HealthModule, JOB_HANDLERS, PlatformModule, WorkerRunner } from '@gcm/platform';
import { PracticesImportHandler, PracticesModule } from '@gcm/practices';

/** Composition only: the job handlers of each feature, and the runner that consumes every queue. */
@Module({
  imports: [PlatformModule.forRoot(), HealthModule, PracticesModule],
  providers: [
    {
      provide: JOB_HANDLERS,
      inject: [PracticesImportHandler],
      useFactory: (...handlers: unknown[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
