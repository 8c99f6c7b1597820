import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, ParamUuidPipe, Roles } from '@gcm/platform';
import { HandoverDto, HandoverPreviewQueryDto, SetApproverDto } from './team.dto';
import { HandoverPreview, HandoverView, TeamView } from './team.view';
import { TeamService } from './team.service';

@ApiTags('organisations')
@Controller('api/v1/organisations/:id')
export class TeamController {
  constructor(private readonly teams: TeamService) {}

  /** The organisation's focal points, its approver and who is in charge of how many pledges (secretariat, the organisation's focal points). */
  @Roles('secretariat', 'focal_point')
  @Get('team')
  team(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string): Promise<TeamView> {
    return this.teams.team(user, id);
  }

  /** Names the in-country approver (one of the organisation's active focal points), or removes it (null). */
  @Roles('secretariat')
  @Put('approver')
  approver(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: SetApproverDto): Promise<TeamView> {
    return this.teams.setApprover(user, id, dto);
  }

  /** The pledges a handover from `fromUserId` would move, before it is confirmed (secretariat or the approver). */
  @Roles('secretariat', 'focal_point')
  @Get('handover')
  @ApiErrorResponses({ 403: 'The caller is neither the secretariat nor the organisation\'s approver (`details.reason`)' })
  handoverPreview(
    @CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Query() query: HandoverPreviewQueryDto,
  ): Promise<HandoverPreview> {
    return this.teams.handoverPreview(user, id, query.fromUserId);
  }

  /** Hands a departing focal point's pledges to another and deactivates the departing account (secretariat or the approver). */
  @Roles('secretariat', 'focal_point')
  @Post('handover')
  @HttpCode(200)
  @ApiErrorResponses({ 403: 'The caller is neither the secretariat nor the organisation\'s approver (`details.reason`)' })
  handover(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: HandoverDto): Promise<HandoverView> {
    return this.teams.handover(user, id, dto);
  }
}
