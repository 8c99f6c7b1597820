import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, isLocale, MailService, type Locale } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PublicationsService } from '../publications.service';
import { collate, collatedMail, type DigestRef, type TopicRef } from './collate';
import { EmailSubscriptionsService } from './email-subscriptions.service';
import { digestPagePath } from '../digest/digest-path';

/** How many publications one mail reads after the subscriber's cursor (older ones wait for the next day). */
const PUBLICATIONS_PER_MAIL = 500;
const SUBSCRIBERS_PER_RUN = 1000;

/** A subscriber is due once its last mail is a day old (or it never had one). */
const DUE_SQL = `(last_mailed_at IS NULL OR last_mailed_at <= now() - interval '1 day')
  AND EXISTS (SELECT 1 FROM email_subscription x WHERE x.subscriber_id = email_subscriber.id AND x.confirmed_at IS NOT NULL)`;

/**
 * The at-most-daily mail: for each due subscriber, the public publications
 * of the outbox after its cursor that match any of its confirmed topics, and
 * the digest of each cycle compiled since it subscribed to the digest that it
 * has not had (recorded in `email_digest_mail`, so exactly once per cycle), in
 * one message in its language. Nothing matched: nothing is sent (the cursor
 * still moves on). Each subscriber is handled in its own transaction with its
 * row locked, so two workers never mail one subscriber twice.
 */
@Injectable()
export class SubscriptionMailService {
  private readonly logger = new Logger(SubscriptionMailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publications: PublicationsService,
    private readonly subscriptions: EmailSubscriptionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /** Returns how many mails went out. Without SMTP nothing is done (the cursors stay, so nothing is lost). */
  async mailDue(): Promise<{ mailed: number }> {
    if (!this.mail.enabled) return { mailed: 0 };
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM email_subscriber WHERE ${DUE_SQL} ORDER BY last_mailed_at NULLS FIRST, id LIMIT $1`, [SUBSCRIBERS_PER_RUN],
    );
    let mailed = 0;
    for (const { id } of due) if (await this.dataSource.transaction((m) => this.mailOne(m, id))) mailed++;
    if (mailed > 0) {
      await this.audit.recordStandalone({
        action: 'email_subscriptions.mail', entityType: 'email_subscriber', actorId: null, actorRole: 'system', after: { mailed },
      });
    }
    this.logger.log(`subscription mails sent: ${mailed}`);
    return { mailed };
  }

  private async mailOne(m: EntityManager, id: string): Promise<boolean> {
    const [s] = await m.query(
      `SELECT id, email, language, last_xmin::text AS "lastXmin" FROM email_subscriber
        WHERE id = $1 AND ${DUE_SQL} FOR UPDATE SKIP LOCKED`,
      [id],
    );
    if (!s) return false;
    const lang: Locale = isLocale(s.language) ? s.language : 'en';
    const topics: (TopicRef & { confirmedAt: Date })[] = await m.query(
      `SELECT x.topic, x.topic_key AS key, c.alpha2, x.confirmed_at AS "confirmedAt"
         FROM email_subscription x LEFT JOIN country c ON x.topic = 'country' AND c.alpha3 = x.topic_key
        WHERE x.subscriber_id = $1 AND x.confirmed_at IS NOT NULL ORDER BY x.created_at, x.id`,
      [id],
    );
    const { ids, cursor } = await eventsToMail(m, s.lastXmin);
    const publications = (ids.length ? await this.publications.list({ ids, limit: PUBLICATIONS_PER_MAIL }) : [])
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const digestSince = topics.find((t) => t.topic === 'digest')?.confirmedAt;
    const digests: (DigestRef & { id: string })[] = digestSince
      ? await m.query(
        `SELECT c.id, c.code AS cycle FROM reporting_cycle c
          WHERE c.status = 'compiled' AND c.compiled_at >= $2
            AND NOT EXISTS (SELECT 1 FROM email_digest_mail d WHERE d.subscriber_id = $1 AND d.cycle_id = c.id)
          ORDER BY c.compiled_at, c.code`,
        [id, digestSince],
      )
      : [];
    for (const d of digests) d.path = digestPagePath(d.cycle);
    const links = this.subscriptions.unsubscribeLinks(id, lang);
    const message = collatedMail(collate(topics, publications), digests, lang, { base: this.mail.publicUrl(), unsubscribe: links.page });
    if (!message) {
      await m.query('UPDATE email_subscriber SET last_xmin = $2::xid8 WHERE id = $1', [id, cursor]);
      return false;
    }
    if (digests.length) {
      await m.query(
        'INSERT INTO email_digest_mail (subscriber_id, cycle_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
        [id, digests.map((d) => d.id)],
      );
    }
    await m.query('UPDATE email_subscriber SET last_xmin = $2::xid8, last_mailed_at = now() WHERE id = $1', [id, cursor]);
    // Sent last, inside the transaction: a failed send rolls the cursor and the digest rows back for the next run.
    await this.mail.send({
      to: s.email, lang, subject: message.subject, text: message.text,
      headers: { 'List-Unsubscribe': `<${links.header}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    return true;
  }
}

/**
 * The outbox events a subscriber has not been mailed yet, and the cursor to
 * keep. An id cursor would skip an event whose transaction commits after a
 * later-numbered one; so events are read by their writing transaction instead:
 * those of transactions from the cursor up to the oldest one still running (all
 * finished, so none can still appear below it), in transaction order, at most
 * PUBLICATIONS_PER_MAIL and never splitting one transaction's events (unless a
 * single transaction holds more, which is then taken whole). The cursor moves to
 * where this read stopped.
 */
export async function eventsToMail(m: EntityManager, fromXmin: string): Promise<{ ids: string[]; cursor: string }> {
  const [{ horizon }] = await m.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
  const rows: { id: string; xid: string }[] = await m.query(
    `SELECT id::text, xid::text FROM publication_event WHERE xid >= $1::xid8 AND xid < $2::xid8 ORDER BY xid, id LIMIT $3`,
    [fromXmin, horizon, PUBLICATIONS_PER_MAIL + 1],
  );
  if (rows.length <= PUBLICATIONS_PER_MAIL) return { ids: rows.map((r) => r.id), cursor: horizon };
  const stop = rows[PUBLICATIONS_PER_MAIL].xid;
  const before = rows.filter((r) => BigInt(r.xid) < BigInt(stop));
  if (before.length > 0) return { ids: before.map((r) => r.id), cursor: stop };
  const whole: { id: string }[] = await m.query('SELECT id::text FROM publication_event WHERE xid = $1::xid8 ORDER BY id', [stop]);
  return { ids: whole.map((r) => r.id), cursor: (BigInt(stop) + 1n).toString() };
}
