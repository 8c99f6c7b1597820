import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { StatsCache } from './cache/stats-cache';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { ShutdownState } from './lifecycle/shutdown-state';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { RequestInputGuard } from './http/request-input.guard';
import { LoggingModule } from './logging/logging.module';
import { MailService } from './mail/mail.service';
import { QueueService } from './queue/queue.service';
import { MetricsService } from './metrics/metrics.service';
import { createValidationPipe } from './validation/validation.pipe';

/**
 * Cross-cutting infrastructure for every app. The input guard, validation pipe
 * and error filter are registered here (not in main.ts) so tests get exactly the same.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(): DynamicModule {
    return {
      module: PlatformModule,
      imports: [ConfigModule, LoggingModule, DatabaseModule.forRoot(), AuditModule, IdempotencyModule],
      providers: [
        QueueService,
        MailService,
        StatsCache,
        ShutdownState,
        MetricsService,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: RequestInputGuard },
      ],
      exports: [QueueService, MailService, StatsCache, ShutdownState, MetricsService],
    };
  }
}
