import { PUBLICATION_KINDS, type PublicationKind } from '../publications.service';
import { ApiProperty } from '@nestjs/swagger';

export class WebhookView {
  id: string;
  url: string;
  @ApiProperty({ enum: PUBLICATION_KINDS, isArray: true })
  events: PublicationKind[];
  allowPrivateNetwork: boolean;
  /** False once disabled (by the secretariat, or after repeated failed deliveries: see `disabledReason`). */
  active: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
}

export class CreatedWebhookView extends WebhookView {
  /** The signing secret, shown once: each delivery carries `X-GCM-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
  secret: string;
}

export class WebhookDeliveryView {
  id: string;
  eventId: string;
  @ApiProperty({ enum: PUBLICATION_KINDS })
  kind: PublicationKind;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] })
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}
