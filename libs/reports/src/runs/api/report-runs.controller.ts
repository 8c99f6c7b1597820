import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ParamUuidPipe, Roles } from '@gcm/platform';
import { PublishVersionsDto, ReportRequestDto } from '../dto/report-request.dto';
import { RunQueryDto, VersionQueryDto } from '../dto/report-query.dto';
import { InspectedRunView, PublishedVersionsView, ReportRunPage, ReportRunView, ReportVersionPage, ReportVersionView, RequestedRunView } from '../report.view';
import { ReportRunsService } from '../report-runs.service';
import { ReportVersionsService } from '../report-versions.service';

/** The secretariat's report desk: request, follow, retry, cancel and publish. */
@ApiTags('reports (secretariat)')
@Roles('secretariat')
@Controller('api/v1/reports')
export class ReportRunsController {
  constructor(
    private readonly runs: ReportRunsService,
    private readonly versions: ReportVersionsService,
  ) {}

  /**
   * Queues one report. 202 with the run; an identical run already queued or
   * running is returned instead of a new one (`created: false`).
   */
  @Post('requests')
  @HttpCode(202)
  async request(@Body() dto: ReportRequestDto, @CurrentUser() user: AuthUser): Promise<RequestedRunView> {
    const { run, created } = await this.runs.request(dto, user.id);
    return { ...run, created };
  }

  /** Runs, newest first, filtered by status, kind, scope and cycle. */
  @Get('runs')
  listRuns(@Query() q: RunQueryDto): Promise<ReportRunPage> {
    return this.runs.list(q);
  }

  /** One run with its queue job's state. */
  @Get('runs/:id')
  getRun(@Param('id', new ParamUuidPipe()) id: string): Promise<InspectedRunView> {
    return this.runs.inspect(id);
  }

  /** A failed or cancelled run, queued again (409 otherwise, or while an identical run is active). */
  @Post('runs/:id/retry')
  @HttpCode(202)
  retry(@Param('id', new ParamUuidPipe()) id: string): Promise<ReportRunView> {
    return this.runs.retry(id);
  }

  /** A queued or running run stops; a job already on a worker ends at its next step. */
  @Post('runs/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id', new ParamUuidPipe()) id: string): Promise<ReportRunView> {
    return this.runs.cancel(id);
  }

  /** Every version, published or not. */
  @Get('versions')
  listVersions(@Query() q: VersionQueryDto): Promise<ReportVersionPage> {
    return this.versions.list(q, false);
  }

  /**
   * Makes several versions public in one action, all or none (409 naming each
   * refused version and why); every version gets its own audit row.
   */
  @Post('versions/publish')
  @HttpCode(200)
  publishMany(@Body() dto: PublishVersionsDto, @CurrentUser() user: AuthUser): Promise<PublishedVersionsView> {
    return this.versions.publishMany(dto.ids, user.id);
  }

  /** Makes a version public (every format must have been rendered). */
  @Post('versions/:id/publish')
  @HttpCode(200)
  publish(@Param('id', new ParamUuidPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ReportVersionView> {
    return this.versions.publish(id, user.id);
  }
}
