import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { OptionalAuth, ParamUuidPipe, Roles } from '@gcm/platform';
import {
  CreateExpertReportDto, ExpertReportQueryDto, ExpertReportVersionDto, ReturnExpertReportDto, UpdateExpertReportDto,
} from './expert-report.dto';
import { ExpertReportPage, ExpertReportView } from './expert-report.view';
import { ExpertReportsService } from './expert-reports.service';

/** Expert challenge reports per theme or objective and year; published after secretariat review, then quoted by the IMRF summary. */
@ApiTags('expert reports')
@Controller('api/v1/expert-reports')
export class ExpertReportsController {
  constructor(private readonly reports: ExpertReportsService) {}

  /** Published reports for everyone; the secretariat sees every status (filter with `status`). */
  @OptionalAuth()
  @Get()
  list(@Query() q: ExpertReportQueryDto, @CurrentUser() user?: AuthUser): Promise<ExpertReportPage> {
    return this.reports.list(q, user);
  }

  /** The caller's own reports, any status. */
  @Roles('expert')
  @Get('mine')
  mine(@Query() q: ExpertReportQueryDto, @CurrentUser() user: AuthUser): Promise<ExpertReportPage> {
    return this.reports.list(q, user, true);
  }

  /** One expert report (drafts only to their author and the secretariat). */
  @OptionalAuth()
  @Get(':id')
  get(@Param('id', new ParamUuidPipe()) id: string, @CurrentUser() user?: AuthUser): Promise<ExpertReportView> {
    return this.reports.get(id, user);
  }

  /** A new draft on one theme or one objective. */
  @Roles('expert')
  @Post()
  create(@Body() dto: CreateExpertReportDto, @CurrentUser() user: AuthUser): Promise<ExpertReportView> {
    return this.reports.create(dto, user);
  }

  /** Edits a draft or returned report of one's own (409 on a stale version). */
  @Roles('expert')
  @Patch(':id')
  update(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: UpdateExpertReportDto, @CurrentUser() user: AuthUser): Promise<ExpertReportView> {
    return this.reports.update(id, dto, user);
  }

  /** Sends one's own draft or returned report to the secretariat. */
  @Roles('expert')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: ExpertReportVersionDto, @CurrentUser() user: AuthUser): Promise<ExpertReportView> {
    return this.reports.submit(id, dto.version, user);
  }

  /** Publishes a submitted expert report (secretariat). */
  @Roles('secretariat')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: ExpertReportVersionDto, @CurrentUser() user: AuthUser): Promise<ExpertReportView> {
    return this.reports.publish(id, dto.version, user);
  }

  /** Back to the author with a note. */
  @Roles('secretariat')
  @Post(':id/return')
  @HttpCode(200)
  return(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: ReturnExpertReportDto, @CurrentUser() user: AuthUser): Promise<ExpertReportView> {
    return this.reports.return(id, dto, user);
  }
}
