import { Notification } from './notification.entity';
import { ReminderLink } from './reminder-link.entity';
import { ReportingReminder } from './reporting-reminder.entity';

export * from './notification.entity';
export * from './reminder-link.entity';
export * from './reporting-reminder.entity';

export const NOTIFICATION_ENTITIES = [Notification, ReportingReminder, ReminderLink];
