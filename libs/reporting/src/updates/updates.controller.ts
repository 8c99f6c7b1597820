import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { Authenticated, ParamUuidPipe, Roles, sendCreated, sendVersion, VersionOnlyDto } from '@gcm/platform';
import type { Response } from 'express';
import { CreateProgressUpdateDto, NoChangeDto, UpdateProgressUpdateDto } from '../dto/progress-update.dto';
import { ProgressUpdateResponse, UpdateListItem } from '../reporting.view';
import { ProgressUpdatesService } from './progress-updates.service';

/** Progress updates of a focal point's pledges: one per pledge per cycle. */
@ApiTags('progress updates')
@Controller('api/v1')
export class UpdatesController {
  constructor(private readonly updates: ProgressUpdatesService) {}

  /** Starts the pledge's update for an open cycle (a draft). A second one for the same cycle is refused (409). Honours Idempotency-Key. */
  @Roles('focal_point')
  @Post('pledges/:id/updates')
  async create(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) pledgeId: string,
    @Body() dto: CreateProgressUpdateDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressUpdateResponse> {
    const { value, replayed } = await this.updates.create(user, pledgeId, dto, key);
    sendCreated(res, value, replayed);
    return value;
  }

  /** "No change since last cycle": copies the previous cycle's update and submits it, in one call. */
  @Roles('focal_point')
  @Post('pledges/:id/updates/no-change')
  async noChange(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) pledgeId: string,
    @Body() dto: NoChangeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressUpdateResponse> {
    const { value, replayed } = await this.updates.noChange(user, pledgeId, dto, key);
    sendCreated(res, value, replayed);
    return value;
  }

  /** All updates of a pledge in every state (owner organisation and secretariat). */
  @Authenticated()
  @Get('pledges/:id/updates')
  list(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) pledgeId: string): Promise<UpdateListItem[]> {
    return this.updates.listForPledge(user, pledgeId);
  }

  /** One update with the previous cycle's values beside it (owner organisation and secretariat). */
  @Authenticated()
  @Get('updates/:id')
  async get(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Res({ passthrough: true }) res: Response): Promise<ProgressUpdateResponse> {
    const view = await this.updates.view(user, id);
    sendVersion(res, view);
    return view;
  }

  /** Edits a draft or returned update; needs If-Match (or version): stale → 409, none → 428. */
  @Roles('focal_point')
  @Patch('updates/:id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Body() dto: UpdateProgressUpdateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressUpdateResponse> {
    const view = await this.updates.update(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }

  /** Submits for validation; after the cycle's deadline it is accepted and flagged late. */
  @Roles('focal_point')
  @Post('updates/:id/submit')
  @HttpCode(200)
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Body() dto: VersionOnlyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressUpdateResponse> {
    const view = await this.updates.submit(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }
}
