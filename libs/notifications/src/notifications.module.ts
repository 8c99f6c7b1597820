import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './entities';
import { NotificationSendHandler, RemindersScanHandler } from './notification-jobs.handlers';
import { NotificationSender } from './notification-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders/reminders.service';

/** Stored notifications, the reminder scan, the e-mail sender and their job handlers. No routes. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [NotificationsService, RemindersService, NotificationSender, RemindersScanHandler, NotificationSendHandler],
  exports: [NotificationsService, RemindersScanHandler, NotificationSendHandler],
})
export class NotificationsCoreModule {}

/** Each user's notifications, and the secretariat's view of all of them (API only). */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsHttpModule {}
