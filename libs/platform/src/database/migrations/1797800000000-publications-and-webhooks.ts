import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Owned by libs/subscriptions. `publication_event` is an outbox written by
 * triggers in the same transaction as the publication itself (a pledge's new
 * published version, an update validated, a report version published), so no
 * publication is missed and none is announced that did not commit. The Atom
 * feeds read it, and the webhook dispatcher turns it into deliveries.
 */
export class PublicationsAndWebhooks1797800000000 implements MigrationInterface {
  name = 'PublicationsAndWebhooks1797800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE publication_event (
      id bigserial PRIMARY KEY,
      kind varchar(32) NOT NULL CHECK (kind IN ('pledge.published', 'update.validated', 'report.published')),
      entity_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      -- The writing transaction: readers that follow the outbox by a moving cursor (e-mail subscriptions) read only
      -- events of transactions older than every one still running, so an event committed late is never skipped.
      xid xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    await q.query('CREATE INDEX ix_publication_event_xid ON publication_event (xid, id)');
    await q.query('CREATE INDEX ix_publication_event_occurred_at ON publication_event (occurred_at DESC, id DESC)');
    await q.query(`CREATE FUNCTION gcm_publication_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'pledge' THEN
          IF NEW.published_version IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.published_version IS DISTINCT FROM OLD.published_version) THEN
            INSERT INTO publication_event (kind, entity_id) VALUES ('pledge.published', NEW.id);
          END IF;
        ELSIF TG_TABLE_NAME = 'progress_update' THEN
          IF NEW.editorial_status = 'validated' AND (TG_OP = 'INSERT' OR OLD.editorial_status IS DISTINCT FROM 'validated') THEN
            INSERT INTO publication_event (kind, entity_id) VALUES ('update.validated', NEW.id);
          END IF;
        ELSIF TG_TABLE_NAME = 'report_version' THEN
          IF NEW.published_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.published_at IS NULL) THEN
            INSERT INTO publication_event (kind, entity_id) VALUES ('report.published', NEW.id);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['pledge', 'progress_update', 'report_version']) {
      await q.query(`CREATE TRIGGER ${table}_publication_event AFTER INSERT OR UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION gcm_publication_event()`);
    }
    await q.query(`CREATE TABLE webhook (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      url varchar(2000) NOT NULL,
      events varchar(32)[] NOT NULL,
      secret varchar(128) NOT NULL,
      allow_private_network boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      disabled_reason text,
      consecutive_failures integer NOT NULL DEFAULT 0,
      -- Deliveries are for events after this one: those published once the webhook exists (or was re-enabled).
      last_event_id bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL)`);
    await q.query(`CREATE TABLE webhook_delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      webhook_id uuid NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
      event_id bigint NOT NULL REFERENCES publication_event(id) ON DELETE CASCADE,
      status varchar(12) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      response_status integer,
      last_error varchar(500),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      CONSTRAINT uq_webhook_delivery_webhook_event UNIQUE (webhook_id, event_id))`);
    await q.query(`CREATE INDEX ix_webhook_delivery_pending ON webhook_delivery (created_at) WHERE status = 'pending'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_delivery');
    await q.query('DROP TABLE webhook');
    for (const table of ['pledge', 'progress_update', 'report_version']) await q.query(`DROP TRIGGER ${table}_publication_event ON ${table}`);
    await q.query('DROP FUNCTION gcm_publication_event()');
    await q.query('DROP TABLE publication_event');
  }
}
