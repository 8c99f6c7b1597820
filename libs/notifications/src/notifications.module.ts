import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportingCoreModule } from '@gcm/reporting';
import { NOTIFICATION_ENTITIES } from './entities';
import { NotificationSendHandler, RemindersScanHandler } from './notification-jobs.handlers';
import { NotificationSender } from './notification-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderLinksController } from './reminders/reminder-links.controller';
import { ReminderLinksService } from './reminders/reminder-links.service';
import { RemindersService } from './reminders/reminders.service';

/** Stored notifications, the reminder scan and its e-mailed links, the e-mail sender and their job handlers. No routes. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), ReportingCoreModule],
  providers: [NotificationsService, RemindersService, ReminderLinksService, NotificationSender, RemindersScanHandler, NotificationSendHandler],
  exports: [NotificationsService, ReminderLinksService, RemindersScanHandler, NotificationSendHandler],
})
export class NotificationsCoreModule {}

/** Each user's notifications, the secretariat's view of all of them, and the reminder links (API only). */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController, ReminderLinksController],
})
export class NotificationsHttpModule {}
