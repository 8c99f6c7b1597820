export * from './subscriptions.module';
export { WebhookDeliverHandler, WebhooksDispatchHandler } from './webhooks/webhook-jobs.handlers';
export { signature } from './webhooks/webhooks.service';
export { PUBLICATION_KINDS, type Publication, type PublicationKind } from './publications.service';
export { SubscriptionsMailHandler } from './email/subscription-mail.handler';
export { SubscriptionMailService } from './email/subscription-mail.service';
export { EmailSubscriptionsService } from './email/email-subscriptions.service';
