import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, Authenticated, ParamUuidPipe, Roles, VersionOnlyDto } from '@gcm/platform';
import { ReturnDto } from '@gcm/pledges';
import { ApprovalQueue, ProgressUpdateResponse } from '../reporting.view';
import { ApprovalsService } from './approvals.service';

const NOT_APPROVER = { 403: "The caller is not the organisation's in-country approver (`details.reason`: not_the_approver or no_approver)" };

@ApiTags('progress updates')
@Controller('api/v1')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  /** The in-country approver's queue: the organisation's updates awaiting approval, oldest first. */
  @Roles('focal_point')
  @Get('approvals')
  @ApiErrorResponses(NOT_APPROVER)
  queue(@CurrentUser() user: AuthUser): Promise<ApprovalQueue> {
    return this.approvals.queue(user);
  }

  /** Approves: the update is submitted to the secretariat (late or not from now). Only the organisation's approver. */
  @Authenticated()
  @Post('updates/:id/approve')
  @HttpCode(200)
  @ApiErrorResponses(NOT_APPROVER)
  approve(
    @CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: VersionOnlyDto, @Headers('if-match') ifMatch?: string,
  ): Promise<ProgressUpdateResponse> {
    return this.approvals.approve(user, id, dto, ifMatch);
  }

  /** Sends the update back to the focal points with a comment (returned). Only the organisation's approver. */
  @Authenticated()
  @Post('updates/:id/send-back')
  @HttpCode(200)
  @ApiErrorResponses(NOT_APPROVER)
  sendBack(
    @CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: ReturnDto, @Headers('if-match') ifMatch?: string,
  ): Promise<ProgressUpdateResponse> {
    return this.approvals.sendBack(user, id, dto, ifMatch);
  }
}
