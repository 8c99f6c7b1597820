import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { PageQueryDto, Roles, sendVersion } from '@gcm/platform';
import type { Response } from 'express';
import { PublishDto, ReturnDto } from '../dto/pledge.dto';
import { pledgeIdPipe } from '../pledge-params';
import { PledgeReviewQueuePage, PledgeWorkspaceResponse } from '../workspace/pledge-workspace-response.view';
import { PledgeReviewService } from './pledge-review.service';

@ApiTags('review')
@Roles('secretariat')
@Controller('api/v1')
export class PledgeReviewController {
  constructor(private readonly review: PledgeReviewService) {}

  /** Submitted pledges awaiting review, oldest first. */
  @Get('review/pledges')
  queue(@Query() query: PageQueryDto): Promise<PledgeReviewQueuePage> {
    return this.review.queue(query);
  }

  /** Publishes the latest submitted version: from now on the public sees it. */
  @Post('pledges/:id/publish')
  @HttpCode(200)
  async publish(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Body() dto: PublishDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const view = await this.review.publish(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }

  /** Returns the submission to its owner with a comment they will see. */
  @Post('pledges/:id/return')
  @HttpCode(200)
  async return(
    @CurrentUser() user: AuthUser,
    @Param('id', pledgeIdPipe()) id: string,
    @Body() dto: ReturnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeWorkspaceResponse> {
    const view = await this.review.return(user, id, dto, ifMatch);
    sendVersion(res, view);
    return view;
  }
}
