import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Owned by libs/subscriptions. Observers follow a country, an objective, a
 * theme or the cycle digest by e-mail, without an account. `email_subscriber`
 * is one address (never public, never logged) with its language and the cursor
 * of its daily mail; `email_subscription` one topic of it, pending until its
 * single-use confirmation token (stored as SHA-256) is used before it expires;
 * `email_digest_mail` records each compiled cycle's digest mailed to a
 * subscriber, so it goes out exactly once.
 */
export class EmailSubscriptions1798000000001 implements MigrationInterface {
  name = 'EmailSubscriptions1798000000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE email_subscriber (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email varchar(320) NOT NULL,
      language varchar(8) NOT NULL DEFAULT 'en',
      -- Publications written by transactions from this one on are not yet mailed (see publication_event.xid): set to the
      -- oldest running transaction when a first topic is confirmed, moved to it again by each mail.
      last_xmin xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot()),
      last_mailed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query('CREATE UNIQUE INDEX uq_email_subscriber_email ON email_subscriber (lower(email))');
    await q.query(`CREATE TABLE email_subscription (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subscriber_id uuid NOT NULL REFERENCES email_subscriber(id) ON DELETE CASCADE,
      topic varchar(12) NOT NULL CHECK (topic IN ('country', 'objective', 'theme', 'digest')),
      -- The country's alpha-3, the objective's or the theme's number; '' for the digest.
      topic_key varchar(8) NOT NULL DEFAULT '',
      confirm_token_hash char(64) NOT NULL,
      confirm_expires_at timestamptz NOT NULL,
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_email_subscription_topic UNIQUE (subscriber_id, topic, topic_key),
      CONSTRAINT uq_email_subscription_token UNIQUE (confirm_token_hash))`);
    await q.query(`CREATE INDEX ix_email_subscription_pending ON email_subscription (confirm_expires_at) WHERE confirmed_at IS NULL`);
    await q.query(`CREATE TABLE email_digest_mail (
      subscriber_id uuid NOT NULL REFERENCES email_subscriber(id) ON DELETE CASCADE,
      cycle_id uuid NOT NULL REFERENCES reporting_cycle(id) ON DELETE CASCADE,
      mailed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subscriber_id, cycle_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_digest_mail');
    await q.query('DROP TABLE email_subscription');
    await q.query('DROP TABLE email_subscriber');
  }
}
