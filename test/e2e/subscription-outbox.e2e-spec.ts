import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { eventsToMail } from '../../libs/subscriptions/src/email/subscription-mail.service';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

/**
 * The e-mail subscribers' cursor into the publication outbox: an event whose
 * transaction commits after a later-numbered one is mailed the next time, not
 * skipped, and nothing is mailed twice.
 */
describe('e-mail subscriptions follow the outbox by writing transaction', () => {
  let db: TestDatabase;
  let ds: DataSource;
  /**
   * The horizon is the oldest transaction running anywhere on the server (other test files' too), so a read may
   * have to wait for theirs to end: read again until something came (reads change nothing).
   */
  const settledRead = async (cursor: string) => {
    for (let attempt = 0; ; attempt++) {
      const r = await ds.transaction((m) => eventsToMail(m, cursor));
      if (r.ids.length > 0 || attempt >= 100) return r;
      await new Promise((done) => setTimeout(done, 100));
    }
  };
  const event = (c: { query: (sql: string) => Promise<unknown> }) =>
    c.query(`INSERT INTO publication_event (kind, entity_id) VALUES ('pledge.published', '${randomUUID()}') RETURNING id`) as Promise<unknown>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('mails a late-committing event on the next read, and each event once', async () => {
    const [{ start }] = await ds.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS start');
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const lateId = ((await event(slow)) as { rows: { id: string }[] }).rows[0].id;
      const [{ id: earlyId }] = await ds.query(`INSERT INTO publication_event (kind, entity_id) VALUES ('pledge.published', $1) RETURNING id::text`, [randomUUID()]);
      // The committed event has the higher id; the slow transaction's is lower and still open.
      expect(BigInt(earlyId)).toBeGreaterThan(BigInt(lateId));

      const first = await ds.transaction((m) => eventsToMail(m, start));
      // Nothing yet: the committed event's transaction is newer than the oldest still running, so it waits with it.
      expect(first.ids).toEqual([]);
      await slow.query('COMMIT');

      const second = await settledRead(first.cursor);
      expect(second.ids.sort()).toEqual([String(lateId), String(earlyId)].sort());
      const third = await ds.transaction((m) => eventsToMail(m, second.cursor));
      expect(third.ids).toEqual([]);
    } finally {
      await slow.end();
    }
  });

  it('reads at most one mail of events, never splitting a transaction, and the rest next time', async () => {
    const [{ start }] = await ds.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS start');
    // 300 events in one transaction, then 300 in another: the first read takes the first transaction whole.
    for (let t = 0; t < 2; t++) {
      await ds.query(`INSERT INTO publication_event (kind, entity_id) SELECT 'pledge.published', gen_random_uuid() FROM generate_series(1, 300)`);
    }
    const first = await settledRead(start);
    expect(first.ids).toHaveLength(300);
    const second = await settledRead(first.cursor);
    expect(second.ids).toHaveLength(300);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(600);
    // One transaction larger than a mail is taken whole.
    await ds.query(`INSERT INTO publication_event (kind, entity_id) SELECT 'pledge.published', gen_random_uuid() FROM generate_series(1, 700)`);
    const big = await settledRead(second.cursor);
    expect(big.ids).toHaveLength(700);
    expect((await ds.transaction((m) => eventsToMail(m, big.cursor))).ids).toEqual([]);
  });
});
