import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { startWorker, waitFor } from '../helpers/worker';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on loopback that answers the first `failFirst` requests with 500, then 204. */
async function receiver(failFirst: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = received.length <= failFirst ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gcm`, received };
}

const verify = (secret: string, r: Received) => {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-gcm-signature']))!;
  return createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex') === v1;
};

describe('publications: Atom feeds and signed webhooks', () => {
  let t: TestApp;
  let worker: INestApplication;
  let focal: CreatedUser;
  let secretariat: CreatedUser;

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOK_DISPATCH_EVERY_SECONDS: '1', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_ATTEMPTS: '3', WEBHOOK_DISABLE_AFTER_FAILURES: '2', WEBHOOK_TIMEOUT_MS: '3000' },
    });
    worker = await startWorker();
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PHL' });
    secretariat = await createUser(t, { role: 'secretariat' });
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const as = (u: CreatedUser) => bearer(u.accessToken);

  it('refuses webhook URLs that are not https, carry credentials or point to private networks unless allowed', async () => {
    for (const [url, allowPrivateNetwork] of [
      ['http://example.org/hook', false], ['ftp://example.org/hook', false], ['https://user:pw@example.org/hook', false],
      ['https://10.1.2.3/hook', false], ['https://169.254.169.254/latest', false], ['http://127.0.0.1:9/hook', false], ['not a url', false],
    ] as const) {
      const res = await t.http.post('/api/v1/webhooks').set(as(secretariat)).send({ url, events: ['pledge.published'], allowPrivateNetwork }).expect(400);
      expect(res.body.details[0].field).toBe('url');
    }
    await t.http.post('/api/v1/webhooks').set(as(secretariat)).send({ url: 'https://example.org/h', events: ['pledge.unknown'] }).expect(400);
    await t.http.post('/api/v1/webhooks').set(as(focal)).send({ url: 'https://example.org/h', events: ['pledge.published'] }).expect(403);
    expect((await t.http.get('/api/v1/webhooks').set(as(secretariat)).expect(200)).body).toEqual([]);
  });

  it('delivers each publication once, signed, after an induced failure, and records every attempt', async () => {
    const hook = await receiver(1);
    try {
      const created = await t.http.post('/api/v1/webhooks').set(as(secretariat))
        .send({ url: hook.url, events: ['pledge.published', 'update.validated'], allowPrivateNetwork: true }).expect(201);
      const { id, secret } = created.body;
      expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect((await t.http.get('/api/v1/webhooks').set(as(secretariat)).expect(200)).body[0]).not.toHaveProperty('secret');

      const pledge = await publishedPledge(t, focal, secretariat, { title: 'Search and rescue coordination in the Sulu Sea' });
      await waitFor(async () => hook.received.length >= 2 && hook.received, 'the retried delivery', 30_000);
      const [first, second] = hook.received;
      expect(first.headers['x-gcm-delivery']).toBe(second.headers['x-gcm-delivery']);
      expect(verify(secret, first) && verify(secret, second)).toBe(true);
      expect(verify('another-secret', second)).toBe(false);
      const event = JSON.parse(second.body);
      expect(event).toMatchObject({ kind: 'pledge.published', data: { pledgeReference: pledge.reference, title: 'Search and rescue coordination in the Sulu Sea', path: `/pledges/${pledge.reference}` } });
      expect(event.data.countries).toContain('PHL');
      expect(second.body).not.toContain(focal.user.email);

      // A validated update is the next event; nothing is delivered twice.
      await openCycle(t, secretariat, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
      const update = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal))
        .send({ cycle: '2024-H1', status: 'on_track', percentComplete: 30, actionsTaken: 'Joint patrols.' }).expect(201);
      await t.http.post(`/api/v1/updates/${update.body.id}/submit`).set(as(focal)).set('If-Match', update.headers.etag).send({}).expect(200);
      expect(hook.received).toHaveLength(2); // submitted is not published
      await t.http.post(`/api/v1/updates/${update.body.id}/validate`).set(as(secretariat)).send({}).expect(200);
      await waitFor(async () => hook.received.length >= 3, 'the update delivery', 30_000);
      expect(JSON.parse(hook.received[2].body)).toMatchObject({ kind: 'update.validated', data: { cycle: '2024-H1', pledgeReference: pledge.reference } });
      await new Promise((r) => setTimeout(r, 2500)); // two more dispatch rounds
      expect(hook.received).toHaveLength(3);
      const deliveries = (await t.http.get(`/api/v1/webhooks/${id}/deliveries`).set(as(secretariat)).expect(200)).body;
      expect(deliveries.map((d: { kind: string; status: string; attempts: number; responseStatus: number }) => [d.kind, d.status, d.attempts, d.responseStatus]))
        .toEqual([['update.validated', 'delivered', 1, 204], ['pledge.published', 'delivered', 2, 204]]);
      const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'webhook' AND entity_id = $1`, [id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['webhook.create']);
      await t.http.delete(`/api/v1/webhooks/${id}`).set(as(secretariat)).expect(204);
    } finally {
      hook.server.close();
    }
  });

  it('never reaches a private address it was not allowed, and disables a webhook after repeated failure', async () => {
    // A host that does not resolve: every attempt is recorded with its reason (resolving to a private address is refused
    // the same way, before any connection: libs/subscriptions/src/webhooks/webhook-target.spec.ts).
    const created = await t.http.post('/api/v1/webhooks').set(as(secretariat))
      .send({ url: 'https://localhost.localdomain.test/hook', events: ['pledge.published'] }).expect(201);
    const failing = await receiver(1000);
    try {
      const loud = await t.http.post('/api/v1/webhooks').set(as(secretariat))
        .send({ url: failing.url, events: ['pledge.published'], allowPrivateNetwork: true }).expect(201);
      await publishedPledge(t, focal, secretariat, { title: 'Consular assistance for migrants in detention abroad' });
      await publishedPledge(t, focal, secretariat, { title: 'Portable social security for seafarers and their families' });
      const disabled = await waitFor(async () => {
        const list = (await t.http.get('/api/v1/webhooks').set(as(secretariat)).expect(200)).body;
        return list.find((w: { id: string; active: boolean }) => w.id === loud.body.id && !w.active);
      }, 'the failing webhook to be disabled', 40_000);
      expect(disabled.disabledReason).toMatch(/after 2 failed deliveries in a row \(last: the receiver answered 500\)/);
      expect(failing.received.length).toBe(6); // 2 deliveries × 3 attempts
      const [auto] = await t.dataSource.query(`SELECT actor_role FROM audit_log WHERE action = 'webhook.auto_disable' AND entity_id = $1`, [loud.body.id]);
      expect(auto.actor_role).toBe('system');
      const blocked = await waitFor(async () => {
        const d = (await t.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`).set(as(secretariat)).expect(200)).body;
        return d.length === 2 && d.every((x: { attempts: number }) => x.attempts === 3) && d;
      }, 'the unresolvable deliveries to be spent', 40_000);
      expect(blocked[0].lastError).toMatch(/ENOTFOUND|EAI_AGAIN/);
      const enabled = await t.http.post(`/api/v1/webhooks/${loud.body.id}/enable`).set(as(secretariat)).send({}).expect(200);
      expect(enabled.body).toMatchObject({ active: true, disabledReason: null, consecutiveFailures: 0 });
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [loud.body.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['webhook.create', 'webhook.auto_disable', 'webhook.enable']);
    } finally {
      failing.server.close();
    }
  });

  it('serves Atom feeds of publications for a country, an objective, a theme or all, with public data only', async () => {
    const draft = await t.http.post('/api/v1/pledges').set(as(focal)).send({ ...(await import('../helpers/pledges')).pledgeBody({ title: 'An unpublished draft on labour mobility' }) }).expect(201);
    expect(draft.body.id).toBeDefined();
    const all = await t.http.get('/api/v1/feeds/publications').expect(200);
    expect(all.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(all.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(all.text).toContain('<title>Search and rescue coordination in the Sulu Sea</title>');
    expect(all.text).toContain('<category term="update.validated"/>');
    expect(all.text).not.toContain('An unpublished draft');
    expect(all.text).not.toContain(focal.user.email);
    const phl = await t.http.get('/api/v1/feeds/publications?country=phl').expect(200);
    expect((phl.text.match(/<entry>/g) ?? []).length).toBe((all.text.match(/<entry>/g) ?? []).length);
    const fra = await t.http.get('/api/v1/feeds/publications?country=JPN').expect(200);
    expect(fra.text).not.toContain('<entry>');
    const [{ objective }] = await t.dataSource.query(`SELECT objectives[1] AS objective FROM stats_pledge LIMIT 1`);
    expect((await t.http.get(`/api/v1/feeds/publications?objective=${objective}`).expect(200)).text).toContain('<entry>');
    expect((await t.http.get('/api/v1/feeds/publications?kind=update.validated').expect(200)).text.match(/<entry>/g)).toHaveLength(1);
    await t.http.get('/api/v1/feeds/publications?country=France').expect(400);
    await t.http.get('/api/v1/feeds/publications?objective=24').expect(400);
    await t.http.get('/api/v1/feeds/publications?country=PHL&theme=2').expect(400);
  });
});
