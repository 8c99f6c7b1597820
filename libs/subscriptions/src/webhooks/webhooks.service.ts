import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, guardedLookup, JobName, QueueService } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { SubscriptionsConfig } from '../config/subscriptions-config';
import { PublicationsService } from '../publications.service';
import { webhookUrlProblem } from './webhook-target';
import type { CreateWebhookDto } from './webhook.dto';
import type { CreatedWebhookView, WebhookDeliveryView, WebhookView } from './webhook.view';

const WEBHOOK_COLUMNS = `id, url, events::text[] AS events, allow_private_network AS "allowPrivateNetwork", active,
  disabled_reason AS "disabledReason", consecutive_failures AS "consecutiveFailures", to_json(created_at) #>> '{}' AS "createdAt"`;

/** The signature header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (the timestamp bounds replays). */
export function signature(secret: string, body: string, at: number): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

export class DeliveryFailed extends Error {}

/**
 * Webhooks registered by the secretariat. The dispatcher turns each new
 * publication into one delivery row per webhook that wants its kind (unique per
 * webhook and event, so a dispatch that runs twice delivers once); each delivery
 * is a BullMQ job, retried with exponential backoff, its every attempt recorded.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publications: PublicationsService,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly config: SubscriptionsConfig,
  ) {}

  async create(dto: CreateWebhookDto, actorId: string): Promise<CreatedWebhookView> {
    const allowPrivate = dto.allowPrivateNetwork ?? false;
    const problem = webhookUrlProblem(dto.url.trim(), allowPrivate);
    if (problem) throw DomainError.invalid('url', problem);
    const secret = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (m) => {
      // Only publications from now on: the cursor starts at the newest event.
      const [row] = await m.query(
        `INSERT INTO webhook (url, events, secret, allow_private_network, created_by, last_event_id)
         VALUES ($1, $2, $3, $4, $5, coalesce((SELECT max(id) FROM publication_event), 0))
         RETURNING ${WEBHOOK_COLUMNS}`,
        [dto.url.trim(), dto.events, secret, allowPrivate, actorId],
      );
      await this.audit.record(m, { action: 'webhook.create', entityType: 'webhook', entityId: row.id, after: row });
      return { ...row, secret };
    });
  }

  list(): Promise<WebhookView[]> {
    return this.dataSource.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook ORDER BY created_at, id`);
  }

  async deliveries(id: string): Promise<WebhookDeliveryView[]> {
    await this.get(id);
    return this.dataSource.query(
      `SELECT d.id, d.event_id::text AS "eventId", e.kind, d.status, d.attempts, d.response_status AS "responseStatus",
              d.last_error AS "lastError", to_json(d.created_at) #>> '{}' AS "createdAt",
              to_json(d.last_attempt_at) #>> '{}' AS "lastAttemptAt", to_json(d.delivered_at) #>> '{}' AS "deliveredAt"
         FROM webhook_delivery d JOIN publication_event e ON e.id = d.event_id
        WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.event_id DESC LIMIT 200`,
      [id],
    );
  }

  private async get(id: string): Promise<WebhookView> {
    const [row] = await this.dataSource.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1`, [id]);
    if (!row) throw DomainError.notFound('Webhook');
    return row;
  }

  /** Turns it back on after it was disabled (failures forgotten); deliveries resume from the next publication. */
  async setActive(id: string, active: boolean): Promise<WebhookView> {
    const before = await this.get(id);
    return this.dataSource.transaction(async (m) => {
      // A CTE, as TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      const [row] = await m.query(
        `WITH changed AS (
           UPDATE webhook SET active = $2, consecutive_failures = 0,
             disabled_reason = CASE WHEN $2 THEN NULL ELSE 'disabled by the secretariat' END,
             last_event_id = CASE WHEN $2 AND NOT active THEN coalesce((SELECT max(id) FROM publication_event), 0) ELSE last_event_id END
           WHERE id = $1 RETURNING *)
         SELECT ${WEBHOOK_COLUMNS} FROM changed`,
        [id, active],
      );
      await this.audit.record(m, { action: active ? 'webhook.enable' : 'webhook.disable', entityType: 'webhook', entityId: id, before, after: row });
      return row;
    });
  }

  async remove(id: string): Promise<void> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM webhook WHERE id = $1', [id]);
      await this.audit.record(m, { action: 'webhook.delete', entityType: 'webhook', entityId: id, before });
    });
  }

  /**
   * New deliveries for every active webhook (events after its cursor, of its
   * kinds), then a job for each pending delivery not yet queued (the job id is
   * the delivery's, so one queued twice runs once). Returns how many were queued.
   */
  async dispatch(): Promise<number> {
    // Every event of the last week after the webhook's start, of its kinds, that has no delivery yet. Not a moving
    // cursor: an event whose transaction committed after a later-numbered one is still picked up.
    await this.dataSource.query(
      `INSERT INTO webhook_delivery (webhook_id, event_id)
       SELECT w.id, e.id FROM webhook w
         JOIN publication_event e ON e.id > w.last_event_id AND e.kind = ANY(w.events) AND e.occurred_at > now() - interval '7 days'
        WHERE w.active
       ON CONFLICT DO NOTHING`,
    );
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id AND w.active
        WHERE d.status = 'pending' ORDER BY d.created_at LIMIT 1000`,
    );
    for (const d of pending) {
      await this.queues.enqueue(JobName.WebhookDeliver, { deliveryId: d.id }, {
        jobId: `webhook-delivery-${d.id}`,
        attempts: this.config.WEBHOOK_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_BASE_MS },
      });
    }
    return pending.length;
  }

  /**
   * One attempt at a delivery. A 2xx marks it delivered; anything else records
   * the attempt and throws so BullMQ retries it; `lastAttempt` says this was the
   * final one, after which the delivery is failed and the webhook disabled once
   * WEBHOOK_DISABLE_AFTER_FAILURES deliveries in a row have failed.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<{ status: string; responseStatus?: number }> {
    const [d] = await this.dataSource.query(
      `SELECT d.id, d.status, d.event_id::text AS "eventId", e.kind, w.id AS "webhookId", w.url, w.secret, w.active,
              w.allow_private_network AS "allowPrivate"
         FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN publication_event e ON e.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d || d.status !== 'pending') return { status: d?.status ?? 'gone' };
    const [publication] = await this.publications.list({ ids: [d.eventId], limit: 1 });
    if (!d.active || !publication) {
      await this.dataSource.query(`UPDATE webhook_delivery SET status = 'cancelled', last_error = $2 WHERE id = $1`, [
        deliveryId, !d.active ? 'the webhook is disabled' : 'the publication is no longer public',
      ]);
      return { status: 'cancelled' };
    }
    const body = JSON.stringify({ id: d.eventId, kind: d.kind, occurredAt: publication.occurredAt, data: publication });
    const at = Math.floor(Date.now() / 1000);
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      responseStatus = await this.post(d.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'GCM-Tracker-Webhooks/1',
        'X-GCM-Event': d.kind,
        'X-GCM-Delivery': deliveryId,
        'X-GCM-Signature': signature(d.secret, body, at),
      }, d.allowPrivate);
      if (responseStatus < 200 || responseStatus >= 300) error = `the receiver answered ${responseStatus}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 500);
    }
    if (!error) {
      await this.dataSource.transaction(async (m) => {
        await m.query(
          `UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, response_status = $2, last_error = NULL,
             last_attempt_at = now(), delivered_at = now() WHERE id = $1`,
          [deliveryId, responseStatus],
        );
        await m.query('UPDATE webhook SET consecutive_failures = 0 WHERE id = $1', [d.webhookId]);
      });
      return { status: 'delivered', responseStatus: responseStatus! };
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE webhook_delivery SET attempts = attempts + 1, response_status = $2, last_error = $3, last_attempt_at = now(),
           status = CASE WHEN $4 THEN 'failed' ELSE status END WHERE id = $1`,
        [deliveryId, responseStatus, error, lastAttempt],
      );
      if (!lastAttempt) return;
      const [hook] = await m.query(
        `WITH changed AS (UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures, active)
         SELECT consecutive_failures AS failures, active FROM changed`,
        [d.webhookId],
      );
      if (hook.active && hook.failures >= this.config.WEBHOOK_DISABLE_AFTER_FAILURES) {
        const reason = `disabled after ${hook.failures} failed deliveries in a row (last: ${error})`.slice(0, 500);
        await m.query('UPDATE webhook SET active = false, disabled_reason = $2 WHERE id = $1', [d.webhookId, reason]);
        await m.query(`UPDATE webhook_delivery SET status = 'cancelled', last_error = 'the webhook was disabled'
                        WHERE webhook_id = $1 AND status = 'pending' AND id <> $2`, [d.webhookId, deliveryId]);
        await this.audit.record(m, {
          action: 'webhook.auto_disable', entityType: 'webhook', entityId: d.webhookId, actorId: null, actorRole: 'system',
          after: { active: false, disabledReason: reason },
        });
      }
    });
    throw new DeliveryFailed(error);
  }

  private post(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
    // Checked again at each attempt (an IP literal never reaches the lookup below).
    const problem = webhookUrlProblem(url, allowPrivate);
    if (problem) return Promise.reject(new Error(problem));
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(target, {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        lookup: guardedLookup(allowPrivate),
        timeout: this.config.WEBHOOK_TIMEOUT_MS,
      }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.config.WEBHOOK_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
