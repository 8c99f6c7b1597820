import { Module } from '@nestjs/common';
import { loadSubscriptionsConfig, SubscriptionsConfig } from './config/subscriptions-config';
import { FeedsController } from './feeds/feeds.controller';
import { PublicationsService } from './publications.service';
import { WebhookDeliverHandler, WebhooksDispatchHandler } from './webhooks/webhook-jobs.handlers';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** Publications (the outbox the triggers fill), webhooks and their job handlers. No routes. */
@Module({
  providers: [
    { provide: SubscriptionsConfig, useFactory: () => loadSubscriptionsConfig() },
    PublicationsService, WebhooksService, WebhooksDispatchHandler, WebhookDeliverHandler,
  ],
  exports: [PublicationsService, WebhooksService, WebhooksDispatchHandler, WebhookDeliverHandler],
})
export class SubscriptionsCoreModule {}

/** The public Atom feeds and the secretariat's webhook routes. */
@Module({
  imports: [SubscriptionsCoreModule],
  controllers: [FeedsController, WebhooksController],
})
export class SubscriptionsHttpModule {}
