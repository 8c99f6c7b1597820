import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './entities';
import { NotificationSendHandler, RemindersScanHandler } from './notification-jobs.handlers';
import { NotificationSender } from './notification-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders/reminders.service';

/** API side: stored notifications, listed to their users and to the secretariat. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** Worker side: the reminder scan (repeatable) and the e-mail sender. No HTTP routes. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [RemindersService, NotificationSender, RemindersScanHandler, NotificationSendHandler],
  exports: [RemindersService, NotificationSender, RemindersScanHandler, NotificationSendHandler],
})
export class NotificationsWorkerModule {}
