import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('accounts: organisations and users managed by the secretariat', () => {
  let t: TestApp;
  let sec: CreatedUser;
  const as = (u: CreatedUser) => bearer(u.accessToken);

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t.close());

  it('creates stakeholder organisations of a kind, never a State, and refuses a duplicate name (409)', async () => {
    const created = await t.http.post('/api/v1/organisations').set(as(sec))
      .send({ kind: 'un_entity', name: 'International Organization for Migration', contactEmail: 'IMRF@iom.example', website: 'https://www.iom.int' })
      .expect(201);
    expect(created.body).toMatchObject({ kind: 'un_entity', countryAlpha3: null, contactEmail: 'imrf@iom.example', version: 1 });
    const state = await t.http.post('/api/v1/organisations').set(as(sec)).send({ kind: 'state', name: 'Atlantis' }).expect(400);
    expect(state.body.details[0]).toMatchObject({ field: 'kind', messages: [expect.stringMatching(/States come from the country list/)] });
    await t.http.post('/api/v1/organisations').set(as(sec)).send({ kind: 'academia', name: 'International Organization for Migration' }).expect(409);
    await t.http.post('/api/v1/organisations').set(as(sec)).send({ kind: 'academia', name: 'X Uni', website: 'ftp://x' }).expect(400);
    const listed = await t.http.get('/api/v1/organisations?kind=un_entity').expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ name: 'International Organization for Migration' }] });
    expect(listed.body.items[0]).not.toHaveProperty('contactEmail');
    const states = await t.http.get('/api/v1/organisations?kind=state&limit=500').expect(200);
    expect(states.body.total).toBe(195);
  });

  it('edits an organisation with optimistic concurrency: a stale version gets 409 and changes nothing', async () => {
    const [org] = (await t.http.get('/api/v1/organisations?q=Organization%20for').expect(200)).body.items;
    const ok = await t.http.patch(`/api/v1/organisations/${org.id}`).set(as(sec)).send({ name: 'IOM', version: org.version }).expect(200);
    expect(ok.body).toMatchObject({ name: 'IOM', version: org.version + 1 });
    const stale = await t.http.patch(`/api/v1/organisations/${org.id}`).set(as(sec)).send({ name: 'Lost update', version: org.version }).expect(409);
    expect(stale.body.details).toEqual({ currentVersion: org.version + 1 });
    expect((await t.http.get(`/api/v1/organisations/${org.id}`).expect(200)).body.name).toBe('IOM');
    const fra = await stateOrganisationId(t, 'FRA');
    await t.http.patch(`/api/v1/organisations/${fra}`).set(as(sec)).send({ name: 'Gaul' }).expect(400);
    await t.http.patch(`/api/v1/organisations/${fra}`).set(as(sec)).send({ contactEmail: 'gcm@diplomatie.example' }).expect(200);
    await t.http.get('/api/v1/organisations/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('changes a role at once: the next request with the same token sees the new role and organisation', async () => {
    const u = await createUser(t, { role: 'expert' });
    await t.http.get('/api/v1/organisations/mine').set(as(u)).expect(404);
    const noOrg = await t.http.patch(`/api/v1/users/${u.user.id}`).set(as(sec)).send({ role: 'focal_point' }).expect(400);
    expect(noOrg.body.details[0].field).toBe('organisationId');
    const bra = await stateOrganisationId(t, 'BRA');
    const changed = await t.http.patch(`/api/v1/users/${u.user.id}`).set(as(sec)).send({ role: 'focal_point', organisationId: bra, version: 1 }).expect(200);
    expect(changed.body).toMatchObject({ role: 'focal_point', organisation: { name: 'Brazil' }, version: 2 });
    await t.http.get('/api/v1/organisations/mine').set(as(u)).expect(200).expect((r) => expect(r.body.countryAlpha3).toBe('BRA'));
    await t.http.patch(`/api/v1/users/${u.user.id}`).set(as(sec)).send({ name: 'Stale', version: 1 }).expect(409);
    await t.http.patch(`/api/v1/users/${u.user.id}`).set(as(sec)).send({ email: 'new@example.org' }).expect(400);
  });

  it('deactivates a user: their tokens stop at once; reactivating lets them sign in again', async () => {
    const u = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PHL' });
    const res = await t.http.post(`/api/v1/users/${u.user.id}/deactivate`).set(as(sec)).expect(200);
    expect(res.body.status).toBe('deactivated');
    await t.http.get('/api/v1/auth/me').set(as(u)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(401);
    await t.http.patch(`/api/v1/users/${u.user.id}`).set(as(sec)).send({ active: true }).expect(200);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(200);
  });

  it('keeps the secretariat from locking itself out', async () => {
    await t.http.post(`/api/v1/users/${sec.user.id}/deactivate`).set(as(sec)).expect(409);
    await t.http.patch(`/api/v1/users/${sec.user.id}`).set(as(sec)).send({ role: 'expert' }).expect(409);
    await t.http.get('/api/v1/auth/me').set(as(sec)).expect(200);
  });

  it('lists users with filters, without password material', async () => {
    await t.http.post('/api/v1/users/invitations').set(as(sec)).send({ email: 'pending@example.org', name: 'Pending Person', role: 'expert' }).expect(201);
    const invited = await t.http.get('/api/v1/users?status=invited').set(as(sec)).expect(200);
    expect(invited.body.items.map((u: { email: string }) => u.email)).toEqual(['pending@example.org']);
    const focal = await t.http.get('/api/v1/users?role=focal_point').set(as(sec)).expect(200);
    expect(focal.body.items.every((u: { role: string }) => u.role === 'focal_point')).toBe(true);
    expect(focal.body.total).toBeGreaterThanOrEqual(2);
    const q = await t.http.get('/api/v1/users?q=PENDING').set(as(sec)).expect(200);
    expect(q.body.total).toBe(1);
    expect(JSON.stringify(focal.body)).not.toMatch(/password|scrypt/i);
    await t.http.get('/api/v1/users?status=sleeping').set(as(sec)).expect(400);
    await t.http.get(`/api/v1/users/${sec.user.id}`).set(as(sec)).expect(200);
    await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(as(sec)).expect(404);
  });
});
