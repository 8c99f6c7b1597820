import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { Authenticated, ParamUuidPipe, Roles } from '@gcm/platform';
import { AllNotificationsQueryDto, NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationPage, NotificationView } from './notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications (e.g. reporting reminders), newest first. */
  @Authenticated()
  @Get()
  list(@Query() q: NotificationQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationPage> {
    return this.notifications.list(q, user.id);
  }

  /** Every user's notifications, with e-mail delivery status. */
  @Roles('secretariat')
  @Get('all')
  listAll(@Query() q: AllNotificationsQueryDto): Promise<NotificationPage> {
    return this.notifications.listAll(q);
  }

  /** Marks one of the caller's notifications read. */
  @Authenticated()
  @Post(':id/read')
  @HttpCode(200)
  markRead(@Param('id', new ParamUuidPipe()) id: string, @CurrentUser() user: AuthUser): Promise<NotificationView> {
    return this.notifications.markRead(id, user.id);
  }
}
