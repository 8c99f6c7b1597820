import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, Authenticated, Public } from '@gcm/platform';
import { ReminderLinkTokenDto } from '../dto/reminder-link.dto';
import { ReminderLinkResult, ReminderLinkView } from './reminder-link.view';
import { ReminderLinksService } from './reminder-links.service';

const REFUSALS = {
  403: 'The recipient is deactivated or no longer a focal point of the organisation, or (signed in) the link is another user\'s; details.reason says which',
  404: 'No such link',
  409: 'Used, expired, the pledge changed, the cycle is not open, or already reported; details.reason says which',
};

/**
 * The links of a reminder e-mail. The token travels in the body (the web app
 * reads it from the link's fragment), never in a URL a log would keep.
 */
@ApiTags('notifications')
@Controller('api/v1/reminder-links')
export class ReminderLinksController {
  constructor(private readonly links: ReminderLinksService) {}

  /** What the link would do (for "no change": what will be reconfirmed), without using it. */
  @Public()
  @Post('inspect')
  @HttpCode(200)
  @ApiErrorResponses(REFUSALS)
  inspect(@Body() dto: ReminderLinkTokenDto): Promise<ReminderLinkView> {
    return this.links.inspect(dto.token);
  }

  /** "No change since last cycle — confirm": no password needed, the token is the proof; works once. */
  @Public()
  @Post('confirm')
  @HttpCode(200)
  @ApiErrorResponses(REFUSALS)
  confirm(@Body() dto: ReminderLinkTokenDto): Promise<ReminderLinkResult> {
    return this.links.confirm(dto.token);
  }

  /** "Update this pledge", signed in as the link's recipient: uses the link and answers which form to open. */
  @Authenticated()
  @Post('open')
  @HttpCode(200)
  @ApiErrorResponses(REFUSALS)
  open(@CurrentUser() user: AuthUser, @Body() dto: ReminderLinkTokenDto): Promise<ReminderLinkResult> {
    return this.links.open(user, dto.token);
  }
}
