export * from './entities';
export * from './notifications.module';
export { NotificationSendHandler, RemindersScanHandler } from './notification-jobs.handlers';
export { REMINDER_NO_CHANGE_PATH, REMINDER_UPDATE_PATH, ReminderLinksService } from './reminders/reminder-links.service';
