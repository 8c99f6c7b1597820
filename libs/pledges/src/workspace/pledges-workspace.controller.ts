import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { Authenticated, ParamIntPipe, Roles, sendCreated, sendVersion, VersionOnlyDto } from '@gcm/platform';
import type { Response } from 'express';
import { CreatePledgeDto, UpdatePledgeDto, WithdrawPledgeDto } from '../dto/pledge.dto';
import { MyPledgesQueryDto } from '../dto/pledge-query.dto';
import { pledgeIdPipe } from '../pledge-params';
import {
  MyPledgePage, PledgeVersionDiff, PledgeVersionSummary, PledgeVersionView, PledgeWorkspaceResponse,
} from './pledge-workspace-response.view';
import { PledgeVersionsService } from './pledge-versions.service';
import { PledgeWorkspaceService } from './pledge-workspace.service';

/** A focal point's work on their organisation's pledges. Writes answer with the new ETag. */
@ApiTags('pledges (workspace)')
@Controller('api/v1')
export class PledgesWorkspaceController {
  constructor(
    private readonly pledges: PledgeWorkspaceService,
    private readonly versions: PledgeVersionsService,
  ) {}

  /** Creates a draft led by the caller's organisation. Honours Idempotency-Key: a retried POST creates one pledge. */
  @Roles('focal_point')
  @Post('pledges')
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreatePledgeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const { value, replayed } = await this.pledges.create(user, dto, key);
    sendCreated(res, value, replayed);
    return value;
  }

  /** Edits the working copy; needs If-Match (or version). A stale version gets 409, none 428. */
  @Roles('focal_point')
  @Patch('pledges/:id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Body() dto: UpdatePledgeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const view = await this.pledges.update(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }

  /** Sends the working copy to the secretariat; freezes it as a new version. */
  @Roles('focal_point')
  @Post('pledges/:id/submit')
  @HttpCode(200)
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Body() dto: VersionOnlyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const view = await this.pledges.submit(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }

  /** Withdraws a published pledge; the public keeps seeing it, marked withdrawn with the reason. */
  @Roles('focal_point')
  @Post('pledges/:id/withdraw')
  @HttpCode(200)
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Body() dto: WithdrawPledgeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const view = await this.pledges.withdraw(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }

  /** Every submitted version (owner organisation and secretariat). */
  @Authenticated()
  @Get('pledges/:id/versions')
  listVersions(@CurrentUser() user: AuthUser, @Param('id', pledgeIdPipe()) id: string): Promise<PledgeVersionSummary[]> {
    return this.versions.list(user, id);
  }

  /** One submitted version of a pledge with its frozen content. */
  @Authenticated()
  @Get('pledges/:id/versions/:number')
  version(@CurrentUser() user: AuthUser, @Param('id', pledgeIdPipe()) id: string, @Param('number', new ParamIntPipe('number')) n: number): Promise<PledgeVersionView> {
    return this.versions.get(user, id, n);
  }

  /** Field-level differences between two submitted versions. */
  @Authenticated()
  @Get('pledges/:id/versions/:a/diff/:b')
  diff(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Param('a', new ParamIntPipe('a')) a: number,
    @Param('b', new ParamIntPipe('b')) b: number,
  ): Promise<PledgeVersionDiff> {
    return this.versions.diff(user, id, a, b);
  }

  /** The caller's organisation's pledges in every state, working titles. */
  @Roles('focal_point')
  @Get('my/pledges')
  mine(@CurrentUser() user: AuthUser, @Query() query: MyPledgesQueryDto): Promise<MyPledgePage> {
    return this.pledges.listMine(user, query);
  }
}
