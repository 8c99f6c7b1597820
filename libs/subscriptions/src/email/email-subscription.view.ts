import type { SubscriptionTopic } from './collate';

/** The same answer whether or not the address is known, subscribed or pending. */
export class SubscriptionRequestedView {
  /** Always `confirmation_sent`: a confirmation link was mailed unless the address already follows the topic. */
  status: 'confirmation_sent';
}

export class ConfirmedSubscriptionView {
  topic: SubscriptionTopic;
  /** The country's alpha-3, the objective's or theme's number; '' for the digest. */
  key: string;
  language: string;
}

export class UnsubscribedView {
  /** True once no mail will go to the address (also when it had already unsubscribed). */
  unsubscribed: boolean;
}
