import { Module } from '@nestjs/common';
import { loadReportingConfig, ReportingConfig } from './reporting-config';

@Module({
  providers: [{ provide: ReportingConfig, useFactory: () => loadReportingConfig() }],
  exports: [ReportingConfig],
})
export class ReportingConfigModule {}
