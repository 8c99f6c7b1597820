import { randomUUID } from 'node:crypto';
import { mountSwagger } from '../../apps/api/src/swagger';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { malformedCases, MalformedCase, Operation, operationsOf } from '../helpers/malformed-requests';
import { openCycle, pledgeBody, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Audit rows the platform writes on purpose for refused access; everything else must stay as it was. */
const REFUSAL_AUDIT = ['access.denied', 'auth.sign_in_failed', 'auth.sign_in_rate_limited', 'auth.sign_in_slowed'];

interface Outcome {
  caller: string;
  op: Operation;
  c: MalformedCase;
  status: number;
  body: unknown;
}

async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

describe('generated malformed requests against every operation of the served OpenAPI', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let pledge: { id: string; reference: string };

  /** Row counts and a checksum of every table, the audit log less its refusal rows. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables: { name: string }[] = await t.dataSource.query(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log' ORDER BY 1",
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await t.dataSource.query(`SELECT count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS v FROM "${name}" x`);
      out[name] = row.v;
    }
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::text || ':' || md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) AS v FROM audit_log a WHERE action <> ALL($1)`,
      [REFUSAL_AUDIT],
    );
    out.audit_log = audit.v;
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp({ beforeInit: mountSwagger });
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN' });
    pledge = await publishedPledge(t, focal, sec);
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30' });
  });
  afterAll(() => t?.close());

  it('answers every one with a 4xx in the one error shape, never a 5xx, and changes nothing', async () => {
    const doc = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    // Real records where an operation looks one up, so the malformed part is what is refused, not a missing record.
    const byName: Record<string, string> = {
      number: '8', key: 'a', code: '2026-H1', paragraph: '101', a: '1', b: '1', format: 'json', dimension: 'objective', alpha3: 'FRA',
      reference: pledge.reference, evidenceId: randomUUID(), versionId: randomUUID(),
    };
    const pathValue = (op: Operation, name: string): string => {
      if (op.path.startsWith('/api/v1/framework/themes/')) return 'T2';
      if (op.path.startsWith('/api/v1/framework/commitments/')) return 'T2.C4';
      if (op.path.startsWith('/api/v1/framework/round-tables/')) return 'RT2';
      if (op.path.startsWith('/api/v1/framework/countries/')) return 'FRA';
      if (op.path.startsWith('/api/v1/practices/')) return '2.1.9';
      if (op.path.startsWith('/api/v1/pledges/{key}')) return pledge.reference;
      if (name === 'id' && op.path.startsWith('/api/v1/pledges/')) return pledge.id;
      if (name === 'id' && op.path.startsWith('/api/v1/users/')) return focal.user.id;
      if (name === 'id' && op.path.startsWith('/api/v1/organisations/')) return focal.user.organisationId ?? randomUUID();
      return byName[name] ?? randomUUID();
    };
    // Bodies that would be accepted as they are, so each generated request differs from a valid one in one place only.
    const valid: Record<string, Record<string, unknown>> = {
      'POST /api/v1/pledges': pledgeBody(),
      'PATCH /api/v1/pledges/{id}': { title: 'A clearer title for the pledge', version: 1 },
      'POST /api/v1/pledges/{id}/updates': { cycle: '2026-H1', percentComplete: 10, actionsTaken: 'Trained 40 officers' },
      'POST /api/v1/auth/sign-in': { email: sec.user.email, password: 'not-the-password-1' },
      'POST /api/v1/auth/password-reset/request': { email: sec.user.email },
      'POST /api/v1/organisations': { name: 'Mediterranean Rescue Network', contactEmail: 'office@example.org', website: 'https://example.org' },
      'PATCH /api/v1/organisations/mine': { contactEmail: 'focal.office@example.org' },
      'POST /api/v1/users/invitations': { email: 'new.person@example.org', name: 'New Person', role: 'expert' },
      'PATCH /api/v1/users/{id}': { name: 'Renamed Person', version: 1 },
      'POST /api/v1/cycles': { code: '2027-H1', periodStart: '2027-01-01', periodEnd: '2027-06-30' },
      'POST /api/v1/expert-reports': { year: 2026, objective: 8, title: 'Expert view', body: 'A body of expert text' },
      'PATCH /api/v1/practices/{code}': { contactPublic: true, version: 1 },
      'POST /api/v1/framework/recommendations': { paragraph: 990, shortTitle: 'Fuzzed', text: 'A recommendation text' },
      'POST /api/v1/reports/requests': { kind: 'objective', scope: '8', cycle: '2026-H1' },
    };
    const work = ops.flatMap((op) => malformedCases(doc, op, pathValue, valid[`${op.method} ${op.path}`]).map((c) => ({ op, c })));
    // A few dozen per operation at most, as anonymous and as the secretariat.
    expect(Math.max(...ops.map((op) => work.filter((w) => w.op === op).length))).toBeLessThanOrEqual(50);
    const before = await snapshot();

    const send = async (caller: string, token: string | null, { op, c }: { op: Operation; c: MalformedCase }): Promise<Outcome> => {
      let req = t.http[op.method.toLowerCase() as 'get'](c.url);
      if (token) req = req.set(bearer(token));
      for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
      if (c.contentType) req = req.set('Content-Type', c.contentType);
      // Raw bytes as they are: superagent would otherwise write a Buffer as JSON ({"type":"Buffer",…}).
      if (Buffer.isBuffer(c.body)) req = req.serialize((b: Buffer) => b as unknown as string);
      const res = await (c.body !== undefined ? req.send(c.body) : req);
      return { caller, op, c, status: res.status, body: res.body };
    };
    const outcomes = [
      ...(await pool(work, 8, (w) => send('anonymous', null, w))),
      ...(await pool(work, 8, (w) => send('secretariat', sec.accessToken, w))),
      // The focal point writes pledges, updates and its organisation: its requests reach those services' checks.
      ...(await pool(work.filter((w) => /^\/api\/v1\/(pledges|updates|organisations\/mine|my)/.test(w.op.path)), 8, (w) => send('focal point', focal.accessToken, w))),
    ];
    const line = (o: Outcome) => `${o.caller} ${o.op.method} ${o.op.path} [${o.c.name}] → ${o.status} ${JSON.stringify(o.body).slice(0, 200)}`;

    expect(outcomes.filter((o) => o.status >= 500).map(line)).toEqual([]);
    expect(outcomes.filter((o) => o.status < 400).map(line)).toEqual([]);
    // A HEAD answer has no body (RFC 9110): its status is all there is to check.
    const misshapen = outcomes.filter((o) => o.op.method.toUpperCase() !== 'HEAD').filter((o) => {
      const b = o.body as { statusCode?: number; message?: unknown; correlationId?: unknown; details?: unknown };
      return b?.statusCode !== o.status || typeof b.message !== 'string' || typeof b.correlationId !== 'string' ||
        (o.status === 400 && b.details !== undefined && !(Array.isArray(b.details) && b.details.every((d) => typeof d.field === 'string' && Array.isArray(d.messages))));
    });
    expect(misshapen.map(line)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The sessions survived every request: no malformed sign-out or deactivation went through.
    await t.http.get('/api/v1/auth/me').set(bearer(sec.accessToken)).expect(200);
    await t.http.get('/api/v1/auth/me').set(bearer(focal.accessToken)).expect(200);
  }, 600_000); // a few thousand requests, each checked against the spec: a ceiling for a loaded machine, not a speed claim

  it('names the field and the reason in each refusal', async () => {
    const details = async (req: Promise<{ status: number; body: { details?: unknown } }>, status = 400) => {
      const res = await req;
      expect(res.status).toBe(status);
      return res.body.details;
    };
    expect(await details(t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'application/json')
      .send('{"email":"x\\ud800@example.org","password":"whatever-it-is"}')))
      .toEqual([{ field: 'email', messages: ['email must be well-formed Unicode (it contains a lone surrogate)'] }]);
    expect(await details(t.http.post('/api/v1/pledges').set(bearer(focal.accessToken)).send(pledgeBody({ indicators: [[[]]] }))))
      .toEqual([{ field: 'indicators.0', messages: ['indicators.0 must be an object'] }]);
    expect(await details(t.http.post('/api/v1/pledges').set(bearer(focal.accessToken)).send(pledgeBody({ title: 'Rescue\u0000 at sea' }))))
      .toEqual([{ field: 'title', messages: ['title must not contain NUL characters'] }]);
    expect(await details(t.http.get('/api/v1/stats/coverage?junk=1'))).toEqual([{ field: 'junk', messages: ['property junk should not exist'] }]);
    expect(await details(t.http.get('/api/v1/framework/objectives/8?__proto__=1')))
      .toEqual([{ field: '__proto__', messages: ['property __proto__ is not allowed'] }]);
    expect(await details(t.http.get('/api/v1/pledges?q=%FF'))).toEqual([{ field: 'q', messages: ['q must be UTF-8 text (malformed percent-encoding)'] }]);
    expect(await details(t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'application/json')
      .serialize((b: Buffer) => b as unknown as string).send(Buffer.from('{"email":"\xff"}', 'latin1'))))
      .toEqual([{ field: 'body', messages: ['the body must be UTF-8 text'] }]);
    expect(await details(t.http.post('/api/v1/auth/sign-out').set(bearer(sec.accessToken)).send({ everywhere: true })))
      .toEqual([{ field: 'everywhere', messages: ['property everywhere should not exist'] }]);
    await details(t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'text/plain').send('email=a'), 415);
  });
});
