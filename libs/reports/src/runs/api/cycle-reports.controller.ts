import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamPatternPipe, Roles } from '@gcm/platform';
import { CYCLE_CODE } from '@gcm/reporting';
import { CycleReportsService } from '../cycle-reports.service';
import { CycleReportsRetryView, CycleReportsView } from '../report.view';

const codePipe = () => new ParamPatternPipe('code', CYCLE_CODE, 'a cycle code such as 2026-H1');

/** A closed cycle's reports: how its compilation went, and the one action that retries what failed. */
@ApiTags('reports (secretariat)')
@Roles('secretariat')
@Controller('api/v1/cycles')
export class CycleReportsController {
  constructor(private readonly reports: CycleReportsService) {}

  /** The runs of the cycle's report flow by status, and every one that failed or was cancelled, with its error. */
  @Get(':code/reports')
  view(@Param('code', codePipe()) code: string): Promise<CycleReportsView> {
    return this.reports.view(code);
  }

  /**
   * Re-queues every failed or cancelled run of the cycle's flow, then its
   * IMRF summary, which compiles the cycle once they have completed. 409
   * while the compilation is running or when nothing failed.
   */
  @Post(':code/retry-failed-reports')
  @HttpCode(202)
  retry(@Param('code', codePipe()) code: string): Promise<CycleReportsRetryView> {
    return this.reports.retryFailed(code, 'all');
  }
}
