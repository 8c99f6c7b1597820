import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  correlation_id: string | null;
  occurred_at: Date;
}

describe('audit log: one row per write, append-only, paged and filtered for the secretariat', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let fp: CreatedUser;
  let seq = 0;

  const count = async (): Promise<number> => (await t.dataSource.query('SELECT count(*)::int n FROM audit_log'))[0].n;
  const last = async (): Promise<AuditRow> => (await t.dataSource.query('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1'))[0];

  /** Runs one write and checks it left exactly one audit row, carrying the request's correlation id. */
  async function write(call: (corr: string) => Promise<{ status: number }>, action: string, actorId: string | null) {
    const corr = `corr-audit-${String(++seq).padStart(4, '0')}`;
    const before = await count();
    const res = await call(corr);
    expect(res.status).toBeLessThan(300);
    expect(await count()).toBe(before + 1);
    const row = await last();
    expect(row).toMatchObject({ action, correlation_id: corr, actor_id: actorId });
    expect(row.ip).toMatch(/127\.0\.0\.1/);
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'test' } });
    sec = await createUser(t, { role: 'secretariat' });
    fp = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SEN' });
  });
  afterAll(() => t.close());

  it('leaves exactly one audit row for every write endpoint, with who, what, before and after', async () => {
    const S = bearer(sec.accessToken);
    const org = await write((c) => t.http.post('/api/v1/organisations').set(S).set('X-Correlation-Id', c)
      .send({ kind: 'private_sector', name: 'Remittance Co-op' }), 'organisation.create', sec.user.id);
    expect(org).toMatchObject({ entity_type: 'organisation', before: null, after: expect.objectContaining({ name: 'Remittance Co-op' }) });
    const orgId = org.entity_id as string;
    const upd = await write((c) => t.http.patch(`/api/v1/organisations/${orgId}`).set(S).set('X-Correlation-Id', c)
      .send({ website: 'https://remit.example' }), 'organisation.update', sec.user.id);
    expect(upd).toMatchObject({ before: expect.objectContaining({ website: null }), after: expect.objectContaining({ website: 'https://remit.example' }) });
    await write((c) => t.http.patch('/api/v1/organisations/mine').set(bearer(fp.accessToken)).set('X-Correlation-Id', c)
      .send({ contactEmail: 'gcm@gouv.example' }), 'organisation.update', fp.user.id);

    let inviteToken = '';
    const invite = await write(async (c) => {
      const r = await t.http.post('/api/v1/users/invitations').set(S).set('X-Correlation-Id', c)
        .send({ email: 'audited@example.org', name: 'Audited', role: 'focal_point', organisationId: await stateOrganisationId(t, 'SEN') });
      inviteToken = r.body.token;
      return r;
    }, 'user.invite', sec.user.id);
    expect(JSON.stringify(invite)).not.toContain(inviteToken);
    const userId = invite.entity_id as string;
    let session = { accessToken: '', refreshToken: '' };
    await write(async (c) => {
      const r = await t.http.post('/api/v1/auth/invitations/accept').set('X-Correlation-Id', c).send({ token: inviteToken, password: 'sealed-ledger-entry-1' });
      session = r.body;
      return r;
    }, 'user.invitation_accepted', userId);
    expect(JSON.stringify(await last())).not.toMatch(/sealed-ledger-entry-1|scrypt/);
    await write((c) => t.http.post('/api/v1/auth/sign-in').set('X-Correlation-Id', c)
      .send({ email: 'audited@example.org', password: 'sealed-ledger-entry-1' }), 'auth.sign_in', userId);
    await write(async (c) => {
      const r = await t.http.post('/api/v1/auth/refresh').set('X-Correlation-Id', c).send({ refreshToken: session.refreshToken });
      session = r.body;
      return r;
    }, 'auth.refresh', userId);
    await write((c) => t.http.post('/api/v1/auth/sign-out').set(bearer(session.accessToken)).set('X-Correlation-Id', c), 'auth.sign_out', userId);
    await write((c) => t.http.patch(`/api/v1/users/${userId}`).set(S).set('X-Correlation-Id', c).send({ name: 'Audited Twice' }), 'user.update', sec.user.id);
    const deact = await write((c) => t.http.post(`/api/v1/users/${userId}/deactivate`).set(S).set('X-Correlation-Id', c), 'user.deactivate', sec.user.id);
    expect(deact).toMatchObject({ before: expect.objectContaining({ status: 'active' }), after: expect.objectContaining({ status: 'deactivated' }) });
    await write((c) => t.http.post('/api/v1/auth/password-reset/request').set('X-Correlation-Id', c).send({ email: fp.user.email }),
      'auth.password_reset_requested', null);
    await write((c) => t.http.post('/api/v1/framework/recommendations').set(S).set('X-Correlation-Id', c)
      .send({ paragraph: 105, shortTitle: 'Audited recommendation', text: 'Text.' }), 'framework.recommendation.create', sec.user.id);
    await write((c) => t.http.patch('/api/v1/framework/recommendations/105').set(S).set('X-Correlation-Id', c).send({ text: 'New text.' }),
      'framework.recommendation.update', sec.user.id);
    await write((c) => t.http.put('/api/v1/framework/objectives/1/themes').set(S).set('X-Correlation-Id', c).send({ themes: [5], primary: 5 }),
      'framework.crosswalk.update', sec.user.id);
  });

  it('records nothing and changes nothing when a write is refused', async () => {
    const before = await count();
    const [org] = await t.dataSource.query("SELECT id, version FROM organisation WHERE name = 'Remittance Co-op'");
    await t.http.patch(`/api/v1/organisations/${org.id}`).set(bearer(sec.accessToken)).send({ name: 'Renamed', version: org.version + 5 }).expect(409);
    await t.http.post('/api/v1/organisations').set(bearer(sec.accessToken)).send({ kind: 'other', name: 'Remittance Co-op' }).expect(409);
    await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'unknown@example.org' }).expect(202);
    expect(await count()).toBe(before);
    expect((await t.dataSource.query('SELECT name FROM organisation WHERE id = $1', [org.id]))[0].name).toBe('Remittance Co-op');
  });

  it('records failed sign-ins and denied access', async () => {
    const before = await count();
    await t.http.post('/api/v1/auth/sign-in').send({ email: sec.user.email, password: 'wrong-password-here' }).expect(401);
    await t.http.get('/api/v1/audit').set(bearer(fp.accessToken)).expect(403);
    expect(await count()).toBe(before + 2);
    const rows = await t.dataSource.query('SELECT action, actor_id, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 2');
    expect(rows).toEqual([
      { action: 'access.denied', actor_id: fp.user.id, entity_id: 'GET /api/v1/audit', after: expect.objectContaining({ reason: 'role', status: 403 }) },
      { action: 'auth.sign_in_failed', actor_id: sec.user.id, entity_id: sec.user.id, after: { email: sec.user.email, reason: 'wrong_password' } },
    ]);
  });

  it('cannot be changed: UPDATE, DELETE and TRUNCATE of an audit row fail in SQL', async () => {
    const [row] = await t.dataSource.query("SELECT id FROM audit_log WHERE action = 'user.invite' LIMIT 1");
    await expect(t.dataSource.query("UPDATE audit_log SET action = 'user.nothing' WHERE id = $1", [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_log WHERE id = $1', [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [{ action }] = await t.dataSource.query('SELECT action FROM audit_log WHERE id = $1', [row.id]);
    expect(action).toBe('user.invite');
  });

  it('pages the log newest first by cursor and filters it for the secretariat', async () => {
    const S = bearer(sec.accessToken);
    const total = await count();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get(`/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`).set(S).expect(200);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));

    const byActor = await t.http.get(`/api/v1/audit?actorId=${sec.user.id}&entityType=organisation`).set(S).expect(200);
    expect(byActor.body.items.map((i: { action: string }) => i.action)).toEqual(['organisation.update', 'organisation.create']);
    expect(byActor.body.items[0]).toMatchObject({ actorEmail: sec.user.email, actorRole: 'secretariat', correlationId: expect.any(String) });
    const framework = await t.http.get('/api/v1/audit?action=framework.').set(S).expect(200);
    expect(framework.body.items.map((i: { action: string }) => i.action).sort())
      .toEqual(['framework.crosswalk.update', 'framework.recommendation.create', 'framework.recommendation.update', 'framework.seed']);
    const entity = await t.http.get('/api/v1/audit?entityType=recommendation&entityId=105').set(S).expect(200);
    expect(entity.body.items).toHaveLength(2);
    const future = await t.http.get('/api/v1/audit?from=2999-01-01').set(S).expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });
    const now = new Date(Date.now() + 60_000).toISOString();
    expect((await t.http.get(`/api/v1/audit?to=${now}&limit=500`).set(S).expect(200)).body.items.length).toBe(Math.min(500, await count()));
    const bad = await t.http.get('/api/v1/audit?from=yesterday&cursor=abc&limit=0').set(S).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['cursor', 'from', 'limit']);
  });
});
