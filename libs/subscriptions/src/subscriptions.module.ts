import { Module } from '@nestjs/common';
import { AccountsCoreModule } from '@gcm/accounts';
import { DashboardCoreModule } from '@gcm/dashboard';
import { CycleDigestService } from './digest/cycle-digest.service';
import { DigestsController } from './digest/digests.controller';
import { loadSubscriptionsConfig, SubscriptionsConfig } from './config/subscriptions-config';
import { FeedsController } from './feeds/feeds.controller';
import { PublicationsService } from './publications.service';
import { EmailSubscriptionsController } from './email/email-subscriptions.controller';
import { EmailSubscriptionsService } from './email/email-subscriptions.service';
import { SubscriptionsMailHandler } from './email/subscription-mail.handler';
import { SubscriptionMailService } from './email/subscription-mail.service';
import { WebhookDeliverHandler, WebhooksDispatchHandler } from './webhooks/webhook-jobs.handlers';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** Publications (the outbox the triggers fill), webhooks, e-mail subscriptions and their job handlers. No routes. */
@Module({
  imports: [AccountsCoreModule, DashboardCoreModule],
  providers: [
    { provide: SubscriptionsConfig, useFactory: () => loadSubscriptionsConfig() },
    PublicationsService, WebhooksService, WebhooksDispatchHandler, WebhookDeliverHandler,
    EmailSubscriptionsService, SubscriptionMailService, SubscriptionsMailHandler, CycleDigestService,
  ],
  exports: [
    PublicationsService, WebhooksService, WebhooksDispatchHandler, WebhookDeliverHandler,
    EmailSubscriptionsService, SubscriptionMailService, SubscriptionsMailHandler, CycleDigestService,
  ],
})
export class SubscriptionsCoreModule {}

/** The public Atom feeds, the e-mail subscription routes and the secretariat's webhook routes. */
@Module({
  imports: [SubscriptionsCoreModule],
  controllers: [FeedsController, WebhooksController, EmailSubscriptionsController, DigestsController],
})
export class SubscriptionsHttpModule {}
