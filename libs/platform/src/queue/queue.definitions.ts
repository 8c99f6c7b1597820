/**
 * The one typed list of queues and jobs. Producers and the worker both read
 * it; the worker refuses to start unless every job here has a handler.
 * Payloads carry ids only: the worker reloads state from PostgreSQL.
 */
export enum QueueName {
  Imports = 'imports',
  Reports = 'reports',
  Notifications = 'notifications',
  Maintenance = 'maintenance',
}

export enum JobName {
  PracticesImport = 'practices.import',
  /** Builds one report run (a report_run row): load, hash, version, render, complete. */
  ReportBuild = 'report.build',
  /** Parent of a cycle's flow: builds the IMRF summary run once its children are done, then marks the cycle compiled. */
  ReportCompile = 'report.compile',
  /** Repeatable: re-enqueues report runs whose job was lost (e.g. Redis restarted before the enqueue). */
  ReportsReconcile = 'reports.reconcile',
  /** Repeatable: creates reminder notifications for pledges without a submitted update (T−30, T−7, overdue). */
  RemindersScan = 'reminders.scan',
  /** E-mails one stored notification when SMTP is configured. */
  NotificationSend = 'notification.send',
  /** Repeatable: turns new publications into webhook deliveries and queues the pending ones. */
  WebhooksDispatch = 'webhooks.dispatch',
  /** POSTs one webhook delivery, signed; retried with backoff; the webhook is disabled after repeated failure. */
  WebhookDeliver = 'webhook.deliver',
  /** Repeatable: mails each due e-mail subscriber (at most once a day) what was published for its topics, and new cycle digests. */
  SubscriptionsMail = 'subscriptions.mail',
  /** Repeatable: deletes expired sessions, used or expired tokens and old idempotency keys past their retention (RETENTION_*), one aggregate audit row. */
  RetentionPrune = 'retention.prune',
  /** Repeatable: checks the evidence links of submitted and validated updates (bounded timeout and redirects, SSRF-safe) and records each outcome. */
  EvidenceLinksCheck = 'evidence.links-check',
  /** Repeatable: deletes resumable evidence uploads past their expiry (EVIDENCE_UPLOAD_EXPIRY_HOURS) with the bytes they hold. */
  EvidenceUploadsPrune = 'evidence.uploads-prune',
}

/** A report job: its run, and the bookkeeping of an infrastructure outage it is waiting out (kept in Redis, as the database may be down). */
export interface ReportJobData {
  runId: string;
  /** When the current stretch of infrastructure failures began (ms since epoch). */
  infraSince?: number;
  infraRetries?: number;
}

export interface JobPayloads {
  [JobName.PracticesImport]: { requestedBy: string | null };
  [JobName.ReportBuild]: ReportJobData;
  [JobName.ReportCompile]: ReportJobData;
  [JobName.ReportsReconcile]: Record<string, never>;
  [JobName.RemindersScan]: Record<string, never>;
  [JobName.NotificationSend]: { notificationId: string };
  [JobName.WebhooksDispatch]: Record<string, never>;
  [JobName.WebhookDeliver]: { deliveryId: string };
  [JobName.RetentionPrune]: Record<string, never>;
  [JobName.SubscriptionsMail]: Record<string, never>;
  [JobName.EvidenceLinksCheck]: Record<string, never>;
  [JobName.EvidenceUploadsPrune]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PracticesImport]: QueueName.Imports,
  [JobName.ReportBuild]: QueueName.Reports,
  [JobName.ReportCompile]: QueueName.Reports,
  [JobName.ReportsReconcile]: QueueName.Reports,
  [JobName.RemindersScan]: QueueName.Notifications,
  [JobName.NotificationSend]: QueueName.Notifications,
  [JobName.WebhooksDispatch]: QueueName.Notifications,
  [JobName.WebhookDeliver]: QueueName.Notifications,
  [JobName.RetentionPrune]: QueueName.Maintenance,
  [JobName.SubscriptionsMail]: QueueName.Notifications,
  [JobName.EvidenceLinksCheck]: QueueName.Maintenance,
  [JobName.EvidenceUploadsPrune]: QueueName.Maintenance,
};

export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

export function queueOf(name: JobName): QueueName {
  return JOB_QUEUE[name];
}

export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((j) => JOB_QUEUE[j] === queue);
}
