export * from './entities';
export * from './notifications.module';
export { NotificationSendHandler, RemindersScanHandler } from './notification-jobs.handlers';
