import { randomBytes } from 'node:crypto';
import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { declaredRoutes } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

type Actor = 'observer' | 'focalA' | 'focalB' | 'expert' | 'secretariat';
const ACTORS: Actor[] = ['observer', 'focalA', 'focalB', 'expert', 'secretariat'];

interface Case {
  method: 'get' | 'post' | 'patch' | 'put';
  /** The route pattern as declared, and the concrete URL to call. */
  route: string;
  url: () => string;
  body?: () => object;
  expect: Record<Actor, number>;
}

const unique = () => randomBytes(3).toString('hex');
const deny = (allowed: number) => ({ observer: 401, focalA: 403, focalB: 403, expert: 403, secretariat: allowed });

describe('accounts: role × route matrix', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Actor, 'observer'>, CreatedUser>;
  let fra: string;
  let deu: string;
  let target: string;

  beforeAll(async () => {
    t = await createTestApp();
    fra = await stateOrganisationId(t, 'FRA');
    deu = await stateOrganisationId(t, 'DEU');
    await t.dataSource.query(
      "UPDATE organisation SET contact_email = lower(country_alpha3) || '@gov.example' WHERE country_alpha3 IN ('FRA', 'DEU')",
    );
    users.focalA = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    users.focalB = await createUser(t, { role: 'focal_point', organisationAlpha3: 'DEU' });
    users.expert = await createUser(t, { role: 'expert' });
    users.secretariat = await createUser(t, { role: 'secretariat' });
    target = (await createUser(t, { role: 'expert' })).user.id;
  });
  afterAll(() => t.close());

  const cases = (): Case[] => [
    { method: 'get', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expect: { observer: 401, focalA: 200, focalB: 200, expert: 200, secretariat: 200 } },
    {
      method: 'patch', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me',
      body: () => ({ language: 'fr' }), expect: { observer: 401, focalA: 200, focalB: 200, expert: 200, secretariat: 200 },
    },
    { method: 'get', route: '/api/v1/organisations', url: () => '/api/v1/organisations?kind=state&limit=5', expect: { observer: 200, focalA: 200, focalB: 200, expert: 200, secretariat: 200 } },
    { method: 'get', route: '/api/v1/organisations/mine', url: () => '/api/v1/organisations/mine', expect: { observer: 401, focalA: 200, focalB: 200, expert: 404, secretariat: 404 } },
    {
      method: 'patch', route: '/api/v1/organisations/mine', url: () => '/api/v1/organisations/mine',
      body: () => ({ website: `https://gov.example/${unique()}` }), expect: { observer: 401, focalA: 200, focalB: 200, expert: 403, secretariat: 403 },
    },
    { method: 'get', route: '/api/v1/organisations/:id', url: () => `/api/v1/organisations/${fra}`, expect: { observer: 200, focalA: 200, focalB: 200, expert: 200, secretariat: 200 } },
    {
      method: 'post', route: '/api/v1/organisations', url: () => '/api/v1/organisations',
      body: () => ({ kind: 'civil_society', name: `Migrant Rights Network ${unique()}` }), expect: deny(201),
    },
    { method: 'patch', route: '/api/v1/organisations/:id', url: () => `/api/v1/organisations/${deu}`, body: () => ({ website: 'https://www.auswaertiges-amt.de' }), expect: deny(200) },
    { method: 'get', route: '/api/v1/users', url: () => '/api/v1/users', expect: deny(200) },
    { method: 'get', route: '/api/v1/users/:id', url: () => `/api/v1/users/${target}`, expect: deny(200) },
    {
      method: 'post', route: '/api/v1/users/invitations', url: () => '/api/v1/users/invitations',
      body: () => ({ email: `invitee-${unique()}@example.org`, name: 'Invitee', role: 'focal_point', organisationId: fra }), expect: deny(201),
    },
    { method: 'patch', route: '/api/v1/users/:id', url: () => `/api/v1/users/${target}`, body: () => ({ name: `Renamed ${unique()}` }), expect: deny(200) },
    { method: 'post', route: '/api/v1/users/:id/deactivate', url: () => `/api/v1/users/${target}/deactivate`, expect: deny(200) },
    { method: 'get', route: '/api/v1/audit', url: () => '/api/v1/audit?limit=5', expect: deny(200) },
    {
      method: 'post', route: '/api/v1/framework/recommendations', url: () => '/api/v1/framework/recommendations',
      body: () => ({ paragraph: 3001, shortTitle: 'Data on missing migrants', text: 'Strengthen data.' }),
      expect: deny(201),
    },
    {
      method: 'patch', route: '/api/v1/framework/recommendations/:paragraph', url: () => '/api/v1/framework/recommendations/101',
      body: () => ({ text: `Expand regular pathways (${unique()}).` }), expect: deny(200),
    },
    {
      method: 'put', route: '/api/v1/framework/objectives/:number/themes', url: () => '/api/v1/framework/objectives/8/themes',
      body: () => ({ themes: [1, 2], primary: 1 }), expect: deny(200),
    },
    { method: 'post', route: '/api/v1/auth/sign-out', url: () => '/api/v1/auth/sign-out', expect: { observer: 401, focalA: 204, focalB: 204, expert: 204, secretariat: 204 } },
  ];

  it('covers every signed-in route of accounts and framework editing', () => {
    const own = ['AuthController', 'OrganisationsController', 'UsersController', 'AuditController', 'FrameworkEditController'];
    const guarded = declaredRoutes(t.app)
      .filter((r) => own.includes(r.controller) && r.rule?.kind !== 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(cases().map((c) => `${c.method.toUpperCase()} ${c.route}`).sort()).toEqual(guarded);
  });

  it('gives each actor exactly the allowed answer on each route', async () => {
    const answers: string[] = [];
    const expected: string[] = [];
    // Sign-out ends the session, so it runs last.
    for (const c of cases()) {
      for (const actor of ACTORS) {
        let req = t.http[c.method](c.url());
        if (actor !== 'observer') req = req.set(bearer(users[actor].accessToken));
        const res = await (c.body ? req.send(c.body()) : req);
        answers.push(`${c.method.toUpperCase()} ${c.route} as ${actor}: ${res.status}`);
        expected.push(`${c.method.toUpperCase()} ${c.route} as ${actor}: ${c.expect[actor]}`);
      }
    }
    expect(answers).toEqual(expected);
  });

  it('shows an organisation contact only to the secretariat and that organisation, and scopes "mine" to the caller', async () => {
    const contactAs = async (actor: Actor, id: string) => {
      const req = t.http.get(`/api/v1/organisations/${id}`);
      const res = await (actor === 'observer' ? req : req.set(bearer(users[actor as Exclude<Actor, 'observer'>].accessToken)));
      return res.body.contactEmail;
    };
    const fresh = {
      focalA: await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' }),
      focalB: await createUser(t, { role: 'focal_point', organisationAlpha3: 'DEU' }),
      secretariat: await createUser(t, { role: 'secretariat' }),
    };
    Object.assign(users, fresh);
    expect(await contactAs('observer', fra)).toBeUndefined();
    expect(await contactAs('focalB', fra)).toBeUndefined();
    expect(await contactAs('focalA', fra)).toBe('fra@gov.example');
    expect(await contactAs('secretariat', fra)).toBe('fra@gov.example');
    const signedIn = await t.http.get(`/api/v1/organisations/${fra}`).set(bearer(fresh.secretariat.accessToken)).expect(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers.vary).toMatch(/Authorization/);
    const list = await t.http.get('/api/v1/organisations?country=FRA').expect(200);
    expect(list.body.items).toEqual([expect.not.objectContaining({ contactEmail: expect.anything() })]);
    const mineA = await t.http.get('/api/v1/organisations/mine').set(bearer(fresh.focalA.accessToken)).expect(200);
    expect(mineA.body).toMatchObject({ id: fra, contactEmail: 'fra@gov.example' });
    await t.http.patch('/api/v1/organisations/mine').set(bearer(fresh.focalA.accessToken)).send({ contactEmail: 'migration@fra.example' }).expect(200);
    const [deuRow] = await t.dataSource.query('SELECT contact_email FROM organisation WHERE id = $1', [deu]);
    expect(deuRow.contact_email).toBe('deu@gov.example');
    await t.http.patch('/api/v1/organisations/mine').set(bearer(fresh.focalA.accessToken)).send({ name: 'Republic of Nowhere' }).expect(400);
  });
});
