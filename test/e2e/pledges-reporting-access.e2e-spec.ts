import { randomUUID } from 'node:crypto';
import type { Role } from '@gcm/platform';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { declaredRoutes } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

type Access = 'public' | 'optional' | 'authenticated' | Role[];
const FP: Role[] = ['focal_point'];
const SEC: Role[] = ['secretariat'];

/** Every route of the pledges and reporting libs and who may call it. */
const ROUTES: [string, string, Access][] = [
  ['GET', '/api/v1/pledges', 'public'],
  ['GET', '/api/v1/pledges/export.csv', 'public'],
  ['GET', '/api/v1/pledges/export.xlsx', 'public'],
  ['GET', '/api/v1/pledges/pledgers', 'public'],
  ['GET', '/api/v1/pledges/updates', 'public'],
  ['GET', '/api/v1/pledges/:id', 'optional'],
  ['POST', '/api/v1/pledges', FP],
  ['PATCH', '/api/v1/pledges/:id', FP],
  ['POST', '/api/v1/pledges/:id/submit', FP],
  ['POST', '/api/v1/pledges/:id/withdraw', FP],
  ['GET', '/api/v1/pledges/:id/versions', 'authenticated'],
  ['GET', '/api/v1/pledges/:id/versions/:number', 'authenticated'],
  ['GET', '/api/v1/pledges/:id/versions/:a/diff/:b', 'authenticated'],
  ['GET', '/api/v1/my/pledges', FP],
  ['GET', '/api/v1/review/pledges', SEC],
  ['POST', '/api/v1/pledges/:id/publish', SEC],
  ['POST', '/api/v1/pledges/:id/return', SEC],
  ['GET', '/api/v1/cycles', 'public'],
  ['GET', '/api/v1/cycles/:code', 'public'],
  ['POST', '/api/v1/cycles', SEC],
  ['POST', '/api/v1/cycles/generate', SEC],
  ['POST', '/api/v1/cycles/:code/open', SEC],
  ['POST', '/api/v1/cycles/:code/close', SEC],
  ['POST', '/api/v1/pledges/:id/updates', FP],
  ['POST', '/api/v1/pledges/:id/updates/no-change', FP],
  ['GET', '/api/v1/pledges/:id/updates', 'authenticated'],
  ['GET', '/api/v1/updates/:id', 'authenticated'],
  ['PATCH', '/api/v1/updates/:id', FP],
  ['POST', '/api/v1/updates/:id/submit', FP],
  ['GET', '/api/v1/review/updates', SEC],
  ['POST', '/api/v1/updates/:id/validate', SEC],
  ['POST', '/api/v1/updates/:id/return', SEC],
  ['POST', '/api/v1/updates/:id/evidence/files', FP],
  ['DELETE', '/api/v1/updates/:id/evidence/:evidenceId', FP],
  ['GET', '/api/v1/updates/:id/evidence/:evidenceId/file', 'optional'],
  ['GET', '/api/v1/my/work', FP],
];

const CONTROLLERS = new Set([
  'PledgesPublicController', 'PledgesWorkspaceController', 'PledgeReviewController', 'CyclesController', 'UpdatesController',
  'UpdateReviewController', 'EvidenceController', 'MyWorkController',
]);

const concrete = (path: string) =>
  path.replace(':key', 'GCM-P-2026-99999').replace(':code', '2099-H1').replace(/:(number|a|b)\b/g, '1').replace(/:\w+/g, () => randomUUID());

describe('pledges and reporting: who may call which route', () => {
  let t: TestApp;
  const users = {} as Record<Role, CreatedUser>;
  beforeAll(async () => {
    t = await createTestApp();
    users.focal_point = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SEN' });
    users.secretariat = await createUser(t, { role: 'secretariat' });
    users.expert = await createUser(t, { role: 'expert' });
  });
  afterAll(() => t.close());

  it('declares exactly the access rules of the table on every route of these libraries', () => {
    const declared = declaredRoutes(t.app)
      .filter((r) => CONTROLLERS.has(r.controller))
      .map((r) => [r.method, r.path, r.rule?.kind === 'roles' ? r.rule.roles : r.rule?.kind]);
    const expected = ROUTES.map(([m, p, a]) => [m, p, a]);
    const key = (r: unknown[]) => `${r[0]} ${r[1]}`;
    expect(new Map(declared.map((r) => [key(r), r[2]]))).toEqual(new Map(expected.map((r) => [key(r), r[2]])));
  });

  it('answers 401 without a token and 403 to a role not allowed, and lets allowed roles through the guard', async () => {
    const seen: string[] = [];
    for (const [method, path, access] of ROUTES) {
      const url = concrete(path);
      const call = (u?: CreatedUser) => {
        const req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url);
        return (u ? req.set(bearer(u.accessToken)) : req).send(method === 'GET' || method === 'DELETE' ? undefined : {});
      };
      const anonymous = (await call()).status;
      const expectedAnonymous = access === 'public' || access === 'optional' ? 'through' : 401;
      seen.push(`${method} ${path} anon ${anonymous === 401 ? 401 : 'through'} (want ${expectedAnonymous})`);
      for (const role of ['focal_point', 'secretariat', 'expert'] as Role[]) {
        const status = (await call(users[role])).status;
        const allowed = !Array.isArray(access) || access.includes(role);
        const got = status === 403 ? 403 : status === 401 ? 401 : 'through';
        const want = allowed ? 'through' : 403;
        seen.push(`${method} ${path} ${role} ${got} (want ${want})`);
      }
    }
    const wrong = seen.filter((line) => {
      const m = /(\S+) \(want (\S+)\)$/.exec(line)!;
      return m[1] !== m[2];
    });
    expect(wrong).toEqual([]);
  });
});
