import { createServer } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { lookup } from 'node:dns';
import { guardedLookup, isPrivateAddress } from '@gcm/platform';
import { webhookUrlProblem } from './webhook-target';

describe('webhook targets', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const a of ['10.0.0.1', '172.20.1.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8', '172.32.0.1']) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('takes https, or http to loopback when private networks are allowed', () => {
    expect(webhookUrlProblem('https://example.org/h', false)).toBeNull();
    expect(webhookUrlProblem('http://example.org/h', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/h', false)).toMatch(/private or loopback/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/h', true)).toBeNull();
    expect(webhookUrlProblem('https://[::1]/h', false)).toMatch(/private or loopback/);
    expect(webhookUrlProblem('https://127.1/h', false)).toMatch(/private or loopback/);
    expect(webhookUrlProblem('https://a:b@example.org/h', false)).toMatch(/credentials/);
    expect(webhookUrlProblem('https://example.org/h#x', false)).toMatch(/fragment/);
    expect(webhookUrlProblem('example.org', false)).toMatch(/absolute URL/);
  });

  it('refuses a host that resolves to a private address before connecting', async () => {
    let connections = 0;
    const server = createServer((_req, res) => res.end('reached'));
    server.on('connection', () => (connections += 1));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    // A DNS answer that points a public-looking name at loopback (as a rebinding attack would).
    const rebinding = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: '127.0.0.1', family: 4 }])) as unknown as typeof lookup;
    const attempt = (allow: boolean) => new Promise<string>((resolve) => {
      const req = request({ host: 'hooks.example.org', port, path: '/', lookup: guardedLookup(allow, rebinding) }, (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      req.on('error', (e) => resolve(e.message));
      req.end();
    });
    try {
      expect(await attempt(false)).toMatch(/resolves only to private addresses/);
      expect(connections).toBe(0);
      expect(await attempt(true)).toBe('status 200');
      expect(connections).toBe(1);
    } finally {
      server.close();
    }
  });
});
