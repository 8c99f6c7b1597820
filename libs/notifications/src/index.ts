export * from './entities';
export * from './notifications.module';
export * from './notifications.service';
export { RemindersService } from './reminders/reminders.service';
export { NotificationSender } from './notification-sender.service';
export { NotificationSendHandler, RemindersScanHandler, enqueueSends } from './notification-jobs.handlers';
