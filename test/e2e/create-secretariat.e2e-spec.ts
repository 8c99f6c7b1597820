import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../helpers/test-app';

const root = join(__dirname, '..', '..');
const script = join(root, 'dist', 'apps', 'launcher', 'src', 'create-secretariat.js');

describe('CLI: the first secretariat account (npm run create-secretariat)', () => {
  let t: TestApp;
  const run = (args: string[], env: Record<string, string>, input = '') =>
    spawnSync(process.execPath, [script, ...args], {
      cwd: root, input, encoding: 'utf8', timeout: 60_000,
      env: { PATH: process.env.PATH, DATABASE_URL: t.db.url, REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: t.redisPrefix, NODE_ENV: 'test', ...env },
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a secretariat account from GCM_ADMIN_PASSWORD that can sign in and manage users', async () => {
    expect(existsSync(script)).toBe(true);
    const out = run(['--email', 'Head@UNNetwork.example', '--name', 'Head of Secretariat'], { GCM_ADMIN_PASSWORD: 'a-long-admin-password' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/secretariat account created: head@unnetwork\.example/);
    const res = await t.http.post('/api/v1/auth/sign-in').send({ email: 'head@unnetwork.example', password: 'a-long-admin-password' }).expect(200);
    expect(res.body.user).toMatchObject({ role: 'secretariat', name: 'Head of Secretariat', status: 'active' });
    await t.http.get('/api/v1/users').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    const [audit] = await t.dataSource.query("SELECT actor_id, entity_id FROM audit_log WHERE action = 'user.create_secretariat'");
    expect(audit).toEqual({ actor_id: null, entity_id: res.body.user.id });
  });

  it('reads the password from stdin when not given in the environment', async () => {
    const out = run(['--email', 'deputy@unnetwork.example', '--name', 'Deputy'], {}, 'piped-admin-password\n');
    expect(out.status).toBe(0);
    await t.http.post('/api/v1/auth/sign-in').send({ email: 'deputy@unnetwork.example', password: 'piped-admin-password' }).expect(200);
  });

  it('refuses a short password, a missing e-mail and an existing account, creating nothing', async () => {
    const short = run(['--email', 'weak@unnetwork.example', '--name', 'Weak'], { GCM_ADMIN_PASSWORD: 'short' });
    expect(short.status).not.toBe(0);
    expect(short.stderr).toMatch(/at least 12 characters/);
    for (const [password, reason] of [
      ['password1234', /too easy to guess/], ['123456789012', /too easy to guess/], ['weak@unnetwork.example', /e-mail address or name/],
    ]) {
      const refused = run(['--email', 'weak@unnetwork.example', '--name', 'Weak'], { GCM_ADMIN_PASSWORD: password as string });
      expect(refused.status).toBe(65);
      expect(refused.stderr).toMatch(reason);
    }
    const usage = run(['--name', 'Nobody'], { GCM_ADMIN_PASSWORD: 'a-long-admin-password' });
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toMatch(/usage: npm run create-secretariat/);
    const again = run(['--email', 'head@unnetwork.example', '--name', 'Impostor'], { GCM_ADMIN_PASSWORD: 'another-long-password' });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int n FROM app_user WHERE role = 'secretariat'");
    expect(n).toBe(2);
  });
});
